package dev.perfshell.repl.timeit;

import dev.perfshell.repl.timeit.JavaStatements.Statement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

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
        Statement statement = JavaStatements.parse("var list = new java.util.ArrayList<String>();").get(0);
        assertThat(statement.name()).isEqualTo("list");
        assertThat(statement.type()).isEqualTo("var");
        assertThat(statement.inferred()).isTrue();
        assertThat(statement.initializer()).isEqualTo("new java.util.ArrayList<String>()");
    }

    @Test
    void genericTypesKeepTheirArguments() {
        Statement statement = JavaStatements.parse("java.util.Map<String, java.util.List<Integer>> m = new java.util.HashMap<>();").get(0);
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
            assertThatCode(() -> JavaStatements.isSingleBlock(broken)).as(broken).doesNotThrowAnyException();
        }
    }

    @Test
    void anUnclosedBlockIsNotASingleBlock() {
        // %timeit strips the first and last character of a "single block": an unclosed one loses its last character.
        assertThat(JavaStatements.isSingleBlock("{ int a = 1;")).isFalse();
        assertThat(JavaStatements.isSingleBlock("{ int a = 1; a++")).isFalse();
    }

}
