package dev.perfshell.profiling.jit;

import dev.perfshell.profiling.jit.JitEvents.Inlining;
import dev.perfshell.profiling.jit.JitEvents.MethodRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One compilation's inlining decisions as the tree {@code -XX:+PrintInlining} prints: the compiled method at the root,
 * each call site under the method it is in, inlined callees with their own sites below them. The events come in the
 * order the compiler walked the calls, depth first, so a decision belongs under the nearest open method it was made
 * in.
 *
 * @param method   the method at this node
 * @param bci      where its caller calls it (-1 at the root)
 * @param inlined  whether it was inlined (always at the root)
 * @param message  the compiler's reason ("inline (hot)", "too big"); empty at the root
 * @param children its call sites, in the order decided
 */
public record InliningTree(MethodRef method, int bci, boolean inlined, String message, List<InliningTree> children) {

    /** The tree of the compilation of {@code root} whose decisions are {@code decisions}, in event order. */
    public static InliningTree of(MethodRef root, List<Inlining> decisions) {
        InliningTree tree = new InliningTree(root, -1, true, "", new ArrayList<>());
        Deque<InliningTree> open = new ArrayDeque<>();
        open.push(tree);
        for (Inlining decision : decisions) {
            while (open.size() > 1 && !open.peek().method().equals(decision.caller())) open.pop();
            InliningTree node = new InliningTree(
                    decision.callee(), decision.bci(), decision.succeeded(), decision.message(), new ArrayList<>());
            open.peek().children().add(node);
            if (decision.succeeded()) open.push(node);
        }
        return tree;
    }

    /** Methods in the tree, the root included. */
    public int size() {
        return 1 + children.stream().mapToInt(InliningTree::size).sum();
    }
}
