package dev.perfshell.repl.session;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A cap on how much of the engine's output (System.out and System.err together) one input may put on the
 * console. The output streams through as it is printed; past the cap it is counted and dropped, so a snippet
 * that prints 100 MB neither floods the terminal for minutes nor holds anything in the shell: nothing is ever
 * buffered here. The shell asks at the end of each input how much was dropped and says so in one line.
 *
 * <p>Engine output is written by JShell's reader thread while the shell's thread waits for the input to end,
 * so the counters are guarded by this object.
 */
public final class OutputCap {
    /** About 40,000 lines of 100 characters: more than anyone reads in a terminal, little for a file. */
    public static final long DEFAULT_LIMIT = 4L << 20;

    private final long limit;
    private long passed;
    private long dropped;
    private boolean atLineStart = true;

    public OutputCap(long limit) {
        if (limit < 0) throw new IllegalArgumentException("limit " + limit);
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** Starts a new input's budget. */
    public synchronized void beginInput() {
        passed = 0;
        dropped = 0;
    }

    /**
     * Ends an input's budget.
     *
     * @return what was dropped during it; {@link Dropped#bytes()} is 0 when nothing was
     */
    public synchronized Dropped endInput() {
        Dropped result = new Dropped(dropped, atLineStart);
        beginInput();
        return result;
    }

    /** What one input lost to the cap, and whether the console is at the start of a line (else the note needs one). */
    public record Dropped(long bytes, boolean atLineStart) {}

    /** {@code target} behind this cap. */
    PrintStream wrap(PrintStream target) {
        return new PrintStream(new Capped(target), true, StandardCharsets.UTF_8);
    }

    /** How many of {@code length} bytes may pass now; counts the rest as dropped. */
    private synchronized int admit(byte[] bytes, int offset, int length) {
        // Once something was dropped, everything after it is too: no gaps that look like whole output.
        long room = dropped > 0 ? 0 : Math.max(0, limit - passed);
        int allowed = (int) Math.min(length, room);
        if (allowed < length) allowed = cutPoint(bytes, offset, allowed, passed > 0 && atLineStart);
        passed += allowed;
        dropped += length - allowed;
        if (allowed > 0) atLineStart = bytes[offset + allowed - 1] == '\n';
        return allowed;
    }

    /**
     * Where to cut a write that does not fit: after its last whole line within the room; else, when what passed
     * so far ended a line, before this write (no partial line); else (one long line) at the room, but before a
     * UTF-8 continuation byte, never inside a character.
     */
    private static int cutPoint(byte[] bytes, int offset, int room, boolean afterWholeLines) {
        for (int i = room; i > 0; i--) {
            if (bytes[offset + i - 1] == '\n') return i;
        }
        if (afterWholeLines) return 0;
        int cut = room;
        while (cut > 0 && (bytes[offset + cut] & 0xC0) == 0x80) cut--;
        return cut;
    }

    private final class Capped extends OutputStream {
        private final OutputStream target;

        Capped(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            int allowed = admit(bytes, offset, length);
            if (allowed > 0) target.write(bytes, offset, allowed);
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }
    }
}
