package dev.perfshell.repl.maven;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.aether.AbstractRepositoryListener;
import org.eclipse.aether.RepositoryEvent;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactDescriptorException;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.transfer.ArtifactTransferException;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Resolves artifacts and their runtime dependencies with Maven Resolver (the library inside Maven), the way
 * {@code mvn} resolves a project's runtime class path: transitive, compile and runtime scopes, optional
 * dependencies left out, versions mediated nearest-first across everything asked for at once.
 *
 * <p>This is the only class that names Maven Resolver's types, and nothing creates it before {@code %maven}
 * or {@code //DEPS} is used: the shell's start-up never loads the resolver's some 1,500 classes (its jars are
 * merely on the class path). Its API speaks JDK types and {@link Coordinates}.
 */
public final class ArtifactResolver implements AutoCloseable {
    /** Maven's own id for Central: artifacts {@code mvn} downloaded are recorded under it, so we may reuse them. */
    private static final String REMOTE_ID = "central";

    private final MavenConfig config;
    private final RepositorySystem system;

    public ArtifactResolver(MavenConfig config) {
        this.config = config;
        this.system = new RepositorySystemSupplier().get();
    }

    /** One resolved jar: its coordinates (the version Maven chose), file, size, and whether this call downloaded it. */
    public record Resolved(Coordinates coordinates, Path file, long bytes, boolean downloaded) {}

    /** Why resolution failed: one line, naming the culprit and a next step. */
    public static final class Failure extends Exception {
        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Resolves {@code requested} and their runtime dependencies, downloading what the local repository lacks.
     *
     * @param offline use only the local repository
     * @return every jar, the requested artifacts first, then their dependencies in Maven's class path order
     */
    public List<Resolved> resolve(List<Coordinates> requested, boolean offline) throws Failure {
        Set<String> downloaded = ConcurrentHashMap.newKeySet();
        CollectRequest collect = new CollectRequest();
        for (Coordinates c : requested) collect.addDependency(new Dependency(artifact(c), JavaScopes.RUNTIME));
        collect.addRepository(remote());
        DependencyRequest request =
                new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        try (RepositorySystemSession.CloseableSession session = session(offline, downloaded)) {
            DependencyResult result = system.resolveDependencies(session, request);
            List<Resolved> jars = new ArrayList<>();
            for (ArtifactResult r : result.getArtifactResults()) {
                Artifact a = r.getArtifact();
                if (a == null || a.getPath() == null) continue;
                Path file = a.getPath();
                jars.add(new Resolved(
                        coordinates(a),
                        file,
                        size(file),
                        downloaded.contains(file.toAbsolutePath().toString())));
            }
            return jars;
        } catch (DependencyResolutionException e) {
            throw new Failure(explain(e, requested, offline), e);
        }
    }

    private RepositorySystemSession.CloseableSession session(boolean offline, Set<String> downloaded) {
        RepositorySystemSession.SessionBuilder builder = new SessionBuilderSupplier(system).get();
        // A copy: the POMs' profiles activate on the JDK and OS as under mvn (java.version, os.name).
        Map<String, String> properties = new HashMap<>();
        System.getProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
        return builder.withLocalRepositoryBaseDirectories(config.localRepository())
                .setSystemProperties(properties)
                .setOffline(offline)
                // A dead network should answer within seconds, not after the default 30-minute request timeout.
                .setConfigProperty("aether.transport.http.connectTimeout", 10_000)
                .setConfigProperty("aether.transport.http.requestTimeout", 60_000)
                .setRepositoryListener(new AbstractRepositoryListener() {
                    @Override
                    public void artifactDownloaded(RepositoryEvent event) {
                        if (event.getException() == null && event.getPath() != null) {
                            downloaded.add(event.getPath().toAbsolutePath().toString());
                        }
                    }
                })
                .build();
    }

    private RemoteRepository remote() {
        // Releases never change on Central: no daily re-check of what is already cached (and so no network needed).
        RepositoryPolicy releases =
                new RepositoryPolicy(true, RepositoryPolicy.UPDATE_POLICY_NEVER, RepositoryPolicy.CHECKSUM_POLICY_FAIL);
        RepositoryPolicy snapshots = new RepositoryPolicy(
                false, RepositoryPolicy.UPDATE_POLICY_DAILY, RepositoryPolicy.CHECKSUM_POLICY_WARN);
        return new RemoteRepository.Builder(REMOTE_ID, "default", config.remoteUrl())
                .setReleasePolicy(releases)
                .setSnapshotPolicy(snapshots)
                .build();
    }

    private static DefaultArtifact artifact(Coordinates c) {
        return new DefaultArtifact(c.groupId(), c.artifactId(), c.classifier(), c.extension(), c.version());
    }

    private static Coordinates coordinates(Artifact a) {
        return new Coordinates(a.getGroupId(), a.getArtifactId(), a.getExtension(), a.getClassifier(), a.getVersion());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return -1;
        }
    }

    /** Turns the resolver's nested exceptions into one line: what was not found, or why the remote could not be reached. */
    private String explain(DependencyResolutionException e, List<Coordinates> requested, boolean offline) {
        String local = config.localRepository().toString();
        Throwable network = networkCause(e);
        if (network != null && !offline) {
            return "cannot reach " + config.remoteName() + " (" + describe(network) + ")"
                    + ". Next: check the network or proxy; artifacts already in " + local
                    + " resolve offline (%maven --offline).";
        }
        ArtifactNotFoundException missing = find(e, ArtifactNotFoundException.class);
        ArtifactDescriptorException descriptor = find(e, ArtifactDescriptorException.class);
        Artifact culprit = missing != null
                ? missing.getArtifact()
                : descriptor != null ? descriptor.getResult().getRequest().getArtifact() : null;
        if (culprit != null) {
            String name = coordinates(culprit).toString();
            boolean asked = requested.stream()
                    .anyMatch(c -> c.key().equals(coordinates(culprit).key()));
            String which = asked ? name : name + " (a dependency of " + join(requested) + ")";
            if (offline) {
                return which + " is not in the local repository " + local
                        + ". Next: run %maven without --offline to download it.";
            }
            return which + " was not found in " + config.remoteName()
                    + ". Next: check the group, artifact and version (a typo, or a version that was never published).";
        }
        ArtifactResolutionException resolution = find(e, ArtifactResolutionException.class);
        ArtifactTransferException transfer = find(e, ArtifactTransferException.class);
        Throwable root = transfer != null ? transfer : resolution != null ? resolution : e;
        return "could not resolve " + join(requested) + ": " + firstLine(root.getMessage())
                + ". Next: check the coordinates, or run with the artifact already in " + local + ".";
    }

    private static String join(List<Coordinates> coordinates) {
        return String.join(", ", coordinates.stream().map(Coordinates::toString).toList());
    }

    private static Throwable networkCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException
                    || t instanceof ConnectException
                    || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException
                    || t instanceof javax.net.ssl.SSLException) {
                return t;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                Throwable inner = networkCause(suppressed);
                if (inner != null) return inner;
            }
        }
        return null;
    }

    private static String describe(Throwable network) {
        String kind = network instanceof UnknownHostException
                ? "unknown host"
                : network instanceof SocketTimeoutException
                        ? "timed out"
                        : network instanceof javax.net.ssl.SSLException
                                ? "TLS failed"
                                : "connection refused or no route";
        String message = network.getMessage();
        return message == null || message.isBlank() ? kind : kind + ": " + firstLine(message);
    }

    /** The first {@code type} in the cause chain (and suppressed exceptions, where the resolver collects per-artifact failures). */
    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
            for (Throwable suppressed : t.getSuppressed()) {
                T inner = find(suppressed, type);
                if (inner != null) return inner;
            }
            if (t instanceof ArtifactResolutionException r) {
                for (ArtifactResult result : r.getResults()) {
                    for (Exception x : result.getExceptions()) {
                        T inner = find(x, type);
                        if (inner != null) return inner;
                    }
                }
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) return "no detail";
        String line = message.strip().lines().findFirst().orElse("no detail");
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    @Override
    public void close() {
        system.shutdown();
    }
}
