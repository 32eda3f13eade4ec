package dev.perfshell.repl.script;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A Jupyter notebook ({@code .ipynb}) as a perf script: its code cells in order, each followed by a blank line (which
 * also ends a {@code %%} cell magic, as in a script); markdown and raw cells are skipped. So a notebook of
 * measurements runs headless with {@code perfshell run NB.ipynb --json OUT}; its FILE:LINE messages count the lines of
 * the code cells so joined.
 */
public final class Notebooks {
    private Notebooks() {}

    public static boolean isNotebook(Path file) {
        return file.getFileName() != null && file.getFileName().toString().endsWith(".ipynb");
    }

    /** The script text of the notebook's code cells. */
    public static String script(Path notebook) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(notebook.toFile());
        } catch (IOException e) {
            throw new IOException(
                    "not a notebook (JSON): "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
        JsonNode cells = root.path("cells");
        if (!cells.isArray()) throw new IOException("not a notebook: no \"cells\" list");
        StringBuilder script = new StringBuilder();
        for (JsonNode cell : cells) {
            if (!"code".equals(cell.path("cell_type").asText())) continue;
            JsonNode source = cell.path("source");
            String text;
            if (source.isArray()) {
                StringBuilder joined = new StringBuilder();
                source.forEach(part -> joined.append(part.asText()));
                text = joined.toString();
            } else text = source.asText();
            script.append(text.stripTrailing()).append("\n\n");
        }
        return script.toString();
    }
}
