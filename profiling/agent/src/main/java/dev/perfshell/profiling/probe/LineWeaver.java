package dev.perfshell.profiling.probe;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Weaves %lprun/%mprun's line probes into the chosen methods of a class: {@code Probes.lineEnter} at
 * entry, {@code Probes.line(id, line)} at every line-table entry (so a loop header runs it on every
 * iteration: hits are line-table entries executed), {@code Probes.lineExit} before returns and in a
 * catch-all handler that rethrows. Other methods are left as they are; nothing is added to the class.
 */
final class LineWeaver {
    /** Which methods to weave. */
    interface Selection {
        boolean chosen(String owner, String name, String descriptor);
    }

    private final LineTable table;
    private final Selection selection;

    LineWeaver(LineTable table, Selection selection) {
        this.table = table;
        this.selection = selection;
    }

    /** The woven bytes, or {@code null} when no method of the class is chosen. */
    byte[] weave(byte[] original, ClassLoader loader) {
        ClassReader reader = new ClassReader(original);
        String owner = reader.getClassName();
        Map<String, int[]> ranges = lineRanges(reader);
        boolean any = false;
        for (String method : ranges.keySet()) {
            int paren = method.indexOf('(');
            any |= selection.chosen(owner, method.substring(0, paren), method.substring(paren));
        }
        if (!any) return null;
        return ClassWeaving.weave(reader, loader, (next, access, name, descriptor) -> {
            if (!selection.chosen(owner, name, descriptor)) return next;
            int[] range = ranges.getOrDefault(name + descriptor, new int[] {-1, -1});
            return new Advice(next, access, name, descriptor, table.add(owner, name, descriptor, range[0], range[1]));
        });
    }

    /** Each method's smallest and largest line number. */
    private static Map<String, int[]> lineRanges(ClassReader reader) {
        Map<String, int[]> ranges = new HashMap<>();
        reader.accept(
                new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public MethodVisitor visitMethod(
                            int access, String name, String descriptor, String signature, String[] exceptions) {
                        String key = name + descriptor;
                        ranges.putIfAbsent(key, new int[] {-1, -1});
                        return new MethodVisitor(Opcodes.ASM9) {
                            @Override
                            public void visitLineNumber(int line, Label start) {
                                int[] range = ranges.get(key);
                                range[0] = range[0] < 0 ? line : Math.min(range[0], line);
                                range[1] = Math.max(range[1], line);
                            }
                        };
                    }
                },
                ClassReader.SKIP_FRAMES);
        return ranges;
    }

    /** A chosen method: entry and exit line probes, and a line probe at every line-table entry. */
    private static final class Advice extends FrameAdvice {
        Advice(MethodVisitor next, int access, String name, String descriptor, int id) {
            super(next, access, name, descriptor, id, "lineEnter", "lineExit");
        }

        @Override
        public void visitLineNumber(int line, Label start) {
            super.visitLineNumber(line, start);
            push(id);
            push(line);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, PROBES, "line", "(II)V", false);
        }
    }
}
