package dev.perfshell.profiling.jit;

import dev.perfshell.profiling.jit.JitEvents.Inlining;
import dev.perfshell.profiling.jit.JitEvents.MethodRef;
import java.util.ArrayList;
import java.util.List;

/**
 * One compilation's inlining decisions as the tree {@code -XX:+PrintInlining} prints: the compiled method at the root,
 * each call site under the method it is in, inlined callees with their own sites below them. The events come mostly in the
 * order the compiler walked the calls, depth first.
 *
 * @param method   the method at this node
 * @param bci      where its caller calls it (-1 at the root)
 * @param inlined  whether it was inlined (always at the root)
 * @param message  the compiler's reason ("inline (hot)", "too big"); empty at the root
 * @param children its call sites, in the order decided
 */
public record InliningTree(MethodRef method, int bci, boolean inlined, String message, List<InliningTree> children) {

    /**
     * The tree of the compilation of {@code root} whose decisions are {@code decisions}, in event order. C2 posts a
     * retried compilation's decisions again, and a late-inlined call's after its caller's siblings, so a decision goes
     * under the latest node of its caller wherever that is (the root when there is none), and a decision already
     * there is not added twice.
     */
    public static InliningTree of(MethodRef root, List<Inlining> decisions) {
        InliningTree tree = new InliningTree(root, -1, true, "", new ArrayList<>());
        List<InliningTree> opened = new ArrayList<>(List.of(tree));
        List<Inlining> pending = new ArrayList<>(decisions);
        boolean placed = true;
        while (!pending.isEmpty() && placed) {
            placed = false;
            for (java.util.Iterator<Inlining> it = pending.iterator(); it.hasNext(); ) {
                Inlining decision = it.next();
                InliningTree parent = latest(opened, decision.caller());
                if (parent == null) continue; // its caller is inlined by a later decision
                it.remove();
                placed = true;
                add(parent, decision, opened);
            }
        }
        for (Inlining orphan : pending) add(tree, orphan, opened);
        return tree;
    }

    private static InliningTree latest(List<InliningTree> opened, MethodRef method) {
        for (int i = opened.size() - 1; i >= 0; i--) if (opened.get(i).method().equals(method)) return opened.get(i);
        return null;
    }

    private static void add(InliningTree parent, Inlining decision, List<InliningTree> opened) {
        for (InliningTree sibling : parent.children()) {
            if (sibling.bci() == decision.bci()
                    && sibling.method().equals(decision.callee())
                    && sibling.inlined() == decision.succeeded()) return;
        }
        InliningTree node = new InliningTree(
                decision.callee(), decision.bci(), decision.succeeded(), decision.message(), new ArrayList<>());
        parent.children().add(node);
        if (decision.succeeded()) opened.add(node);
    }

    /** The methods inlined in the tree, the root included. */
    public java.util.Set<MethodRef> methods() {
        java.util.Set<MethodRef> methods = new java.util.LinkedHashSet<>();
        methods.add(method);
        for (InliningTree child : children) if (child.inlined()) methods.addAll(child.methods());
        return methods;
    }

    /** Methods in the tree, the root included. */
    public int size() {
        return 1 + children.stream().mapToInt(InliningTree::size).sum();
    }
}
