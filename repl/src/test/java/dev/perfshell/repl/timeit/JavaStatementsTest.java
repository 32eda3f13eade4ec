package dev.perfshell.repl.timeit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.perfshell.repl.timeit.JavaStatements.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaStatementsTest {

    @Test
    void localsHaveNameTypeAndInitialiser() {
        List<Statement> statements = JavaStatements.parse("int n = 10; String s = \"a;b\"; double d;");
        assertThat(statements).hasSize(3);
        assertThat(statements.get(0)).isEqualTo(new Statement("int n = 10;", "n", "int", "10", false));
        assertThat(statements.get(1).name()).isEqualTo("s");
        assertThat(statements.get(1).type()).isEqualTo("String");
        assertThat(statements.get(1).initializer()).isEqualTo("\"a;b\"");
        assertThat(statements.get(2).name()).isEqualTo("d");
        assertThat(statements.get(2).initializer()).isNull();
        assertThat(statements).allMatch(Statement::declaresLocal).noneMatch(Statement::inferred);
    }

    @Test
    void varIsInferred() {
        Statement statement = JavaStatements.parse("var list = new java.util.ArrayList<String>();")
                .get(0);
        assertThat(statement.name()).isEqualTo("list");
        assertThat(statement.type()).isEqualTo("var");
        assertThat(statement.inferred()).isTrue();
        assertThat(statement.initializer()).isEqualTo("new java.util.ArrayList<String>()");
    }

    @Test
    void genericTypesKeepTheirArguments() {
        Statement statement = JavaStatements.parse(
                        "java.util.Map<String, java.util.List<Integer>> m = new java.util.HashMap<>();")
                .get(0);
        assertThat(statement.name()).isEqualTo("m");
        assertThat(statement.type()).isEqualTo("java.util.Map<String, java.util.List<Integer>>");
        assertThat(statement.initializer()).isEqualTo("new java.util.HashMap<>()");
    }

    @Test
    void arrayWithBraceInitialiser() {
        Statement statement = JavaStatements.parse("int[] a = {1,2};").get(0);
        assertThat(statement.name()).isEqualTo("a");
        assertThat(statement.type()).isEqualTo("int[]");
        assertThat(statement.initializer()).isEqualTo("{1,2}");
        assertThat(statement.source()).isEqualTo("int[] a = {1,2};");
    }

    @Test
    void aSingleBracedBlockIsOpenedUp() {
        List<Statement> statements = JavaStatements.parse("{ int a = 1; long b = a * 2L; foo(b); }");
        assertThat(statements).extracting(Statement::name).containsExactly("a", "b", null);
        assertThat(statements.get(2).source()).isEqualTo("foo(b);");
        assertThat(statements.get(2).expression()).isTrue();
    }

    @Test
    void twoBlocksAreNotOpenedUp() {
        List<Statement> statements = JavaStatements.parse("{ int a = 1; } { int b = 2; }");
        assertThat(statements).hasSize(2).noneMatch(Statement::declaresLocal).noneMatch(Statement::expression);
    }

    @Test
    void isSingleBlock() {
        assertThat(JavaStatements.isSingleBlock("{a();}")).isTrue();
        assertThat(JavaStatements.isSingleBlock("  { int x = 1; a(x); }  ")).isTrue();
        assertThat(JavaStatements.isSingleBlock("{a();} {b();}")).isFalse();
        assertThat(JavaStatements.isSingleBlock("a();")).isFalse();
        assertThat(JavaStatements.isSingleBlock("{a();} b();")).isFalse();
    }

    @Test
    void expressionStatementsAreDetected() {
        List<Statement> statements = JavaStatements.parse("a(); x = 3; i++; if (x > 0) a(); for (;;) break; return;");
        assertThat(statements).extracting(Statement::expression).containsExactly(true, true, true, false, false, false);
        assertThat(statements).noneMatch(Statement::declaresLocal);
        assertThat(statements.get(0).source()).isEqualTo("a();");
    }

    @Test
    void brokenCodeDoesNotCrash() {
        for (String broken : List.of("int = ;", "x +* 2;", "{ int a = 1;", "}}}", "\"unterminated", "class {", "")) {
            assertThatCode(() -> JavaStatements.parse(broken)).as(broken).doesNotThrowAnyException();
            assertThatCode(() -> JavaStatements.isSingleBlock(broken))
                    .as(broken)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void anUnclosedBlockIsNotASingleBlock() {
        // %timeit strips the first and last character of a "single block": an unclosed one loses its last character.
        assertThat(JavaStatements.isSingleBlock("{ int a = 1;")).isFalse();
        assertThat(JavaStatements.isSingleBlock("{ int a = 1; a++")).isFalse();
    }

    @Test
    void aLastStatementWithoutItsSemicolonGetsOneWhereJavacExpectsIt() {
        assertThat(JavaStatements.withFinalSemicolon("data = new java.util.Random(1).ints(n).toArray()"))
                .isEqualTo("data = new java.util.Random(1).ints(n).toArray();");
        assertThat(JavaStatements.withFinalSemicolon("int a = 1; a++")).isEqualTo("int a = 1; a++;");
        assertThat(JavaStatements.withFinalSemicolon("if (x > 0) a = 1")).isEqualTo("if (x > 0) a = 1;");
        // Before a trailing comment: after it, the ';' would be commented out.
        assertThat(JavaStatements.withFinalSemicolon("a = f() // the input")).isEqualTo("a = f(); // the input");
        assertThat(JavaStatements.withFinalSemicolon("a = f() /* the input */ "))
                .isEqualTo("a = f(); /* the input */ ");
    }

    @Test
    void completeCodeAndOtherErrorsAreLeftAlone() {
        for (String code : List.of(
                "a = f();",
                "for (int i = 0; i < 3; i++) { f(i); }",
                "{ int a = 1; }",
                "f(); // done",
                "if (x) { a(); } // done",
                "",
                "// only a comment")) {
            assertThat(JavaStatements.withFinalSemicolon(code)).as(code).isEqualTo(code);
        }
        // A ';' missing before the end is the compiler's to report, not perfshell's to guess.
        for (String code : List.of("int a = 1 int b = 2;", "a = f( ", "x +* 2", "{ int a = 1")) {
            assertThat(JavaStatements.withFinalSemicolon(code)).as(code).isEqualTo(code);
        }
    }

    @Test
    void parseCompletesTheLastStatement() {
        List<Statement> statements = JavaStatements.parse("int[] a = {1, 2}; a[0] = 3");
        assertThat(statements).extracting(Statement::source).containsExactly("int[] a = {1, 2};", "a[0] = 3;");
        assertThat(JavaStatements.asFieldAssignment(statements.get(1))).isEqualTo("a[0] = 3;");
    }

    @Test
    void aBodyGetsItsSemicolonBeforeATrailingComment() {
        assertThat(JavaStatements.asBody("x++ // count")).isEqualTo("x++; // count");
        assertThat(JavaStatements.asBody("{ f(); }")).isEqualTo("f();");
        assertThat(JavaStatements.asBody("for (;;) { break; }")).isEqualTo("for (;;) { break; }");
    }

    @Test
    void setupFromTheCellAndFromTheOptionIsCompletedPartByPart() {
        assertThat(JavaStatements.setup("int[] a = new int[4]; a[0] = 1", " a[1] = 2 "))
                .isEqualTo("int[] a = new int[4]; a[0] = 1;\na[1] = 2;");
        assertThat(JavaStatements.setup("", null)).isEmpty();
        assertThat(JavaStatements.setup("", "x = 1")).isEqualTo("x = 1;");
    }

    @Test
    void freeNamesAreReadAndNotDeclared() {
        assertThat(JavaStatements.freeNames("f(a.b, c[0]) + d.g()")).containsExactlyInAnyOrder("a", "c", "d");
        assertThat(JavaStatements.freeNames("{ int s = 0; for (int v : src) s += v; }"))
                .containsExactly("src");
        assertThat(JavaStatements.freeNames("int c = 1; g(c)")).isEmpty();
        assertThat(JavaStatements.freeNames("list.forEach(x -> sink(x))")).containsExactly("list");
    }
}
