package dev.perfshell.repl.session;

/** A next step for errors whose fix is not obvious from the exception alone. */
final class Hints {
    private Hints() {}

    static String forException(String className) {
        switch (className) {
            case "java.lang.StackOverflowError":
                return "The session is intact. Check the recursion's base case, or give the engine a deeper stack: perfshell -R -Xss16m";
            case "java.lang.OutOfMemoryError":
                return "The session is intact. Free what the snippet kept (e.g. list.clear()), or give the engine more heap: perfshell -R -Xmx4g";
            default:
                return null;
        }
    }
}
