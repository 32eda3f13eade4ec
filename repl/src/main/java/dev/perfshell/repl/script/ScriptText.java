package dev.perfshell.repl.script;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A script file's text, strictly UTF-8. Java's own decoders say only "Input length = 1" about a bad
 * byte; a script in Latin-1 or a binary file given by mistake deserves its file, line and a way out.
 */
public final class ScriptText {
    private ScriptText() {}

    /** A script that is not UTF-8: the message names the file, the line and the byte, and says what to do. */
    public static final class NotUtf8Exception extends IOException {
        NotUtf8Exception(String message) {
            super(message);
        }
    }

    public static String read(Path script) throws IOException {
        byte[] bytes = Files.readAllBytes(script);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder(); // reports malformed input: no silent U+FFFD
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) result = decoder.flush(out);
        if (result.isError()) throw notUtf8(script, bytes, in.position());
        return out.flip().toString();
    }

    /** The message for a malformed byte at {@code offset}. */
    static NotUtf8Exception notUtf8(Path script, byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new NotUtf8Exception(String.format(
                Locale.ROOT,
                "%s:%d: not UTF-8 text (byte 0x%02X, column %d)."
                        + " Next: save the script as UTF-8 (e.g. iconv -f ISO-8859-1 -t UTF-8)",
                script,
                line,
                bytes[offset] & 0xff,
                offset - lineStart + 1));
    }

    /** For a reader that hit a bad byte while reading {@code name} at {@code line} (a pipe cannot be read again). */
    public static String describe(IOException e, String name, int line) {
        if (e instanceof MalformedInputException) {
            return name + ":" + line
                    + ": not UTF-8 text. Next: save the script as UTF-8 (e.g. iconv -f ISO-8859-1 -t UTF-8)";
        }
        return "cannot read " + name + ": " + e.getMessage() + ". Next: check the path";
    }
}
