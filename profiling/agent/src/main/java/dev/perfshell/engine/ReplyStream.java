package dev.perfshell.engine;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * Resets the engine's reply stream between replies. JShell's command streams never reset: an
 * {@link ObjectOutputStream} keeps every object it has written (to refer back to it) and the reading
 * {@code ObjectInputStream} every object it has read, so every %prun profile and every %timeit's runs
 * stayed in both JVMs for the whole session (the soak: the shell's memory grew with each magic), and the
 * shell's reply filter, which counts references over the stream's life, refused replies after a thousand
 * magics. JShell creates the stream inside its {@code Util}; a reply wrapped in an {@link Envelope} hands
 * it over as it is serialised, and the next extension command resets it, when it is idle.
 */
public final class ReplyStream {
    /** The engine's command stream, known once a reply has been written. Only the command thread uses it. */
    private ObjectOutputStream stream;

    /** The reply as it goes on the wire; the shell unwraps it ({@link Envelope#value()}). */
    public Object wrap(Object reply) {
        return new Envelope(reply, this);
    }

    /** Forgets every object written so far, on both sides: the reader clears its table when it reads the reset. */
    public void reset() throws IOException {
        if (stream != null) stream.reset();
    }

    private void capture(ObjectOutputStream out) {
        stream = out;
    }

    /** An extension command's reply: the value, and on the engine side the stream it is written to. */
    public static final class Envelope implements Serializable {
        private static final long serialVersionUID = 1L;

        @SuppressWarnings("serial") // every reply is one of the serialisable JDK types the shell's filter allows
        private final Object value;

        private final transient ReplyStream owner;

        Envelope(Object value, ReplyStream owner) {
            this.value = value;
            this.owner = owner;
        }

        public Object value() {
            return value;
        }

        private void writeObject(ObjectOutputStream out) throws IOException {
            if (owner != null) owner.capture(out);
            out.defaultWriteObject();
        }
    }
}
