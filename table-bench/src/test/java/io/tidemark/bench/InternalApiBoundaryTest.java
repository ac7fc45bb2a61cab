package io.tidemark.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The benchmarks measure table-core through its public API: none depends on {@code io.tidemark.core.internal}. */
class InternalApiBoundaryTest {
  @Test
  void noBenchmarkDependsOnTableCoreInternals() {
    JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.tidemark.bench");
    assertThat(classes).isNotEmpty();
    noClasses().should().dependOnClassesThat().resideInAPackage("io.tidemark.core.internal..")
        .because("benchmarks measure what applications can call (README, \"Project layout\")")
        .check(classes);
  }
}
