package dev.perfshell.engine;

/**
 * A parachute against an {@link OutOfMemoryError} with the heap still retained by the snippet
 * (for example {@code while (true) list.add(new long[1 << 16])}). Without it the engine cannot
 * even build the error reply and its command loop dies with the session (jshell-engine.md Q6).
 * Releasing the reserve gives the reply room; it is taken again before the next snippet.
 */
final class MemoryReserve {
    private final int bytes;
    private byte[] reserve;

    MemoryReserve(int bytes) {
        this.bytes = bytes;
        restore();
    }

    void release() {
        reserve = null;
    }

    void restore() {
        if (reserve != null) return;
        try {
            reserve = new byte[bytes];
        } catch (OutOfMemoryError stillFull) {
            reserve = null; // try again before the next snippet
        }
    }

    boolean held() {
        return reserve != null;
    }
}
