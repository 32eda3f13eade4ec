package dev.perfshell.repl.session;

import dev.perfshell.repl.link.EngineDeath;
import java.util.List;

/**
 * What an engine restart kept and lost, for the lines the user reads after a crash.
 *
 * @param death    how the old engine ended, or {@code null} for a restart the user asked for
 * @param restored snippets replayed successfully
 * @param failed   snippets that failed on replay, with the reason
 * @param skipped  snippets left out on purpose (the one that killed the engine, stopped or failing ones)
 */
public record RestartReport(EngineDeath death, List<String> restored, List<String> failed, List<String> skipped) {}
