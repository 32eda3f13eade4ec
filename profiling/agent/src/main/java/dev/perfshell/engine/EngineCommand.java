package dev.perfshell.engine;

/**
 * One extension command of the engine. The argument and the result cross the JShell command
 * stream by Java serialization, so both must be plain JDK types ({@code String}, {@code long[]},
 * {@code HashMap}, {@code ArrayList}); a type the front end cannot read ends the session.
 */
@FunctionalInterface
public interface EngineCommand {
    Object run(Object argument) throws Exception;
}
