package io.tidemark.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The public API shows no implementation: a public type of a public package names no type of
 * {@code io.tidemark.core.internal} and no type of the wire format ({@code io.tidemark.spec.actions},
 * {@code io.tidemark.spec.json}) in its supertypes or in the signatures of its public and
 * protected members, and implementation classes live under {@code internal} or are not public.
 */
class PublicApiTest {
  /** The packages applications use. */
  static final Set<String> PUBLIC_PACKAGES =
      Set.of("io.tidemark.core", "io.tidemark.core.data", "io.tidemark.core.expr", "io.tidemark.core.io");

  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.tidemark.core");

  @Test
  void publicTypesExposeNoInternalOrWireFormatType() {
    assertThat(leaks(CORE)).isEmpty();
  }

  @Test
  void everyPackageOfTableCoreIsPublicOrInternal() {
    Set<String> other = new TreeSet<>();
    for (JavaClass c : CORE) {
      String pkg = c.getPackageName();
      if (!PUBLIC_PACKAGES.contains(pkg) && !pkg.startsWith("io.tidemark.core.internal.")) {
        other.add(pkg);
      }
    }
    assertThat(other).isEmpty();
  }

  @Test
  void theCheckFindsALeakInEveryPlaceASignatureCanHaveOne() {
    JavaClasses leaky = new ClassFileImporter().importClasses(LeakyApi.class, LeakyApi.Sub.class);
    String api = LeakyApi.class.getName();
    assertThat(leaks(leaky)).containsExactlyInAnyOrder(
        api + ": field internal of type io.tidemark.core.internal.commit.TableContext",
        api + ": " + api + ".state() returns io.tidemark.core.internal.snapshot.TableState",
        api + ": " + api + ".files(java.util.List) takes io.tidemark.spec.actions.AddFile",
        api + "$Sub: supertype io.tidemark.core.internal.commit.TableContext");
  }

  /**
   * Every place of a public type's signature where an internal or wire-format type appears, as
   * {@code "type: where"}.
   */
  static List<String> leaks(JavaClasses classes) {
    List<String> leaks = new ArrayList<>();
    for (JavaClass c : classes) {
      if (!isPublicApi(c)) {
        continue;
      }
      String where = c.getName() + ": ";
      List<JavaType> supertypes = new ArrayList<>(c.getInterfaces());
      c.getSuperclass().ifPresent(supertypes::add);
      for (JavaType s : supertypes) {
        for (JavaClass raw : s.getAllInvolvedRawTypes()) {
          if (hidden(raw)) {
            leaks.add(where + "supertype " + raw.getName());
          }
        }
      }
      for (JavaField f : c.getFields()) {
        if (visible(f.getModifiers())) {
          for (JavaClass raw : f.getType().getAllInvolvedRawTypes()) {
            if (hidden(raw)) {
              leaks.add(where + "field " + f.getName() + " of type " + raw.getName());
            }
          }
        }
      }
      for (JavaCodeUnit m : c.getCodeUnits()) {
        if (!visible(m.getModifiers())) {
          continue;
        }
        for (JavaClass raw : m.getReturnType().getAllInvolvedRawTypes()) {
          if (hidden(raw)) {
            leaks.add(where + m.getFullName() + " returns " + raw.getName());
          }
        }
        for (JavaType p : m.getParameterTypes()) {
          for (JavaClass raw : p.getAllInvolvedRawTypes()) {
            if (hidden(raw)) {
              leaks.add(where + m.getFullName() + " takes " + raw.getName());
            }
          }
        }
        for (JavaClass raw : m.getThrowsClause().getTypes()) {
          if (hidden(raw)) {
            leaks.add(where + m.getFullName() + " throws " + raw.getName());
          }
        }
      }
    }
    return leaks;
  }

  /** A public type an application can name: public, in a public package, enclosed only by public types. */
  private static boolean isPublicApi(JavaClass c) {
    if (!PUBLIC_PACKAGES.contains(c.getPackageName())) {
      return false;
    }
    for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
      if (!k.getModifiers().contains(JavaModifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  private static boolean visible(Set<JavaModifier> modifiers) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  private static boolean hidden(JavaClass type) {
    String pkg = type.getPackageName();
    return pkg.startsWith("io.tidemark.core.internal") || pkg.startsWith("io.tidemark.spec.actions")
        || pkg.startsWith("io.tidemark.spec.json");
  }
}
