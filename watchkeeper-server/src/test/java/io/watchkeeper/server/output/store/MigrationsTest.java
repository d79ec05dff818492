package io.watchkeeper.server.output.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void fileNamesGiveVersionAndDescription() {
        Migrations.Migration m = Migrations.parse("V12__add_zones.sql", "SELECT 1;");
        assertThat(m.version()).isEqualTo(12);
        assertThat(m.description()).isEqualTo("add_zones");
        assertThatThrownBy(() -> Migrations.parse("V0__x.sql", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Migrations.parse("1__x.sql", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statementsSplitAtLineEndSemicolonsAndSkipComments() {
        String sql = "-- a comment; not a statement\nCREATE TABLE t (\n  a INT\n);\n\nCREATE INDEX i ON t (a);\n";
        assertThat(Migrations.statements(sql)).containsExactly("CREATE TABLE t (\n  a INT\n)", "CREATE INDEX i ON t (a)");
        assertThatThrownBy(() -> Migrations.statements("CREATE TABLE t (a INT)"))
                .hasMessageContaining("without ';'");
    }

    @Test
    void versionsMustBeContiguousFromOne() {
        assertThatThrownBy(() -> new Migrations(List.of(new Migrations.Migration(2, "x", "SELECT 1;"))))
                .hasMessageContaining("migration 1 expected");
    }

    @Test
    void theBundledMigrationsLoadAndCreateTheEventsTable() {
        Migrations bundled = Migrations.bundled();
        assertThat(bundled.latestVersion()).isEqualTo(2);
    }
}
