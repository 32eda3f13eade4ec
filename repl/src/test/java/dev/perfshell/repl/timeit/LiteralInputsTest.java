package dev.perfshell.repl.timeit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The differential control's rewrite: literals become field reads, nothing else changes. */
class LiteralInputsTest {

    @Test
    void numericAndStringLiteralsOfAnExpressionBecomeTypedFields() {
        LiteralInputs.Rewrite rewrite = LiteralInputs.of("Math.sqrt(3.7) * 3.7 + 1L + Integer.parseInt(\"42\")", false);
        assertThat(rewrite.code())
                .isEqualTo(
                        "Math.sqrt(perfshell$in0) * perfshell$in1 + perfshell$in2 + Integer.parseInt(perfshell$in3)");
        assertThat(rewrite.fieldDeclarations())
                .containsExactlyInAnyOrder(
                        "double perfshell$in0 = 3.7;",
                        "double perfshell$in1 = 3.7;",
                        "long perfshell$in2 = 1L;",
                        "String perfshell$in3 = \"42\";");
    }

    @Test
    void statementsAreRewrittenButCaseLabelsStayConstant() {
        LiteralInputs.Rewrite rewrite = LiteralInputs.of("int a = 6 * 7; switch (a) { case 42: a = 0x10; }", true);
        assertThat(rewrite.code())
                .isEqualTo("int a = perfshell$in0 * perfshell$in1; switch (a) { case 42: a = perfshell$in2; }");
        assertThat(rewrite.fieldDeclarations()).contains("int perfshell$in2 = 0x10;");
    }

    @Test
    void codeWithoutLiteralsOrBrokenCodeIsLeftAlone() {
        assertThat(LiteralInputs.of("Math.sqrt(x) * x", false).changed()).isFalse();
        LiteralInputs.Rewrite broken = LiteralInputs.of("x +* 2", false);
        assertThat(broken.changed()).isFalse();
        assertThat(broken.code()).isEqualTo("x +* 2");
    }
}
