package dev.perfshell.repl.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Where {@code %maven} caches artifacts and where it fetches them from.
 *
 * <p>The local repository is the user's Maven one, so a library that {@code mvn} already downloaded costs no
 * download and works offline: {@code $PERFSHELL_MAVEN_LOCAL} if set, else {@code <localRepository>} from
 * {@code ~/.m2/settings.xml}, else {@code ~/.m2/repository}. The remote is Maven Central;
 * {@code $PERFSHELL_MAVEN_REMOTE} names another (a mirror, or a {@code file://} repository in tests).
 *
 * @param remoteName how messages name the remote ("Maven Central", or its URL when overridden)
 */
public record MavenConfig(Path localRepository, String remoteUrl, String remoteName) {
    public static final String CENTRAL_URL = "https://repo.maven.apache.org/maven2/";
    public static final String LOCAL_ENV = "PERFSHELL_MAVEN_LOCAL";
    public static final String REMOTE_ENV = "PERFSHELL_MAVEN_REMOTE";
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{(env\\.)?([^}]+)}");

    /**
     * @param env      the shell's environment variables (injected, so tests choose them)
     * @param userHome the user's home folder ({@code user.home}), where {@code .m2} lives
     */
    public static MavenConfig of(Map<String, String> env, Path userHome) {
        String local = env.get(LOCAL_ENV);
        Path repository = local != null && !local.isBlank()
                ? Path.of(local)
                : settingsRepository(userHome.resolve(".m2/settings.xml"), env, userHome);
        if (repository == null) repository = userHome.resolve(".m2/repository");
        String remote = env.get(REMOTE_ENV);
        boolean custom = remote != null && !remote.isBlank();
        return new MavenConfig(
                repository.toAbsolutePath().normalize(),
                custom ? remote : CENTRAL_URL,
                custom ? remote : "Maven Central");
    }

    /**
     * {@code <localRepository>} of a user settings file, with {@code ${user.home}} and {@code ${env.X}} expanded as
     * Maven expands them; {@code null} when the file, the element or a property is missing, or the file does not
     * parse (Maven itself would then stop; the default folder is the sensible fallback for a shell).
     */
    static Path settingsRepository(Path settings, Map<String, String> env, Path userHome) {
        if (!Files.isRegularFile(settings)) return null;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            javax.xml.parsers.DocumentBuilder parser = factory.newDocumentBuilder();
            // The default handler prints "[Fatal Error] …" to System.err, into the session: rethrow quietly instead.
            parser.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                    throw e;
                }
            });
            Document document = parser.parse(settings.toFile());
            NodeList nodes = document.getDocumentElement().getElementsByTagName("localRepository");
            if (nodes.getLength() == 0) return null;
            String value = nodes.item(0).getTextContent().strip();
            if (value.isEmpty()) return null;
            Matcher m = PROPERTY.matcher(value);
            StringBuilder expanded = new StringBuilder();
            while (m.find()) {
                String replacement = m.group(1) != null
                        ? env.get(m.group(2))
                        : m.group(2).equals("user.home") ? userHome.toString() : null;
                if (replacement == null) return null;
                m.appendReplacement(expanded, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(expanded);
            return Path.of(expanded.toString());
        } catch (Exception unreadable) {
            return null;
        }
    }
}
