package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every {@code ```java} block of the README against the modules, so that the snippets
 * never drift from the API. The convention, for README writers:
 *
 * <ul>
 *   <li>a snippet's {@code import} lines apply to it and to every snippet after it (the README
 *       reads as one file);
 *   <li>the other lines are the body of a method that may throw anything;
 *   <li>variables a snippet uses without declaring them are declared in an HTML comment right
 *       above the block, invisible on the rendered page:
 *       {@code <!-- snippet context: Table table; List<Record> rows; -->}; the comment holds
 *       member declarations (fields, even small methods) of the class the snippet is compiled in;
 *   <li>{@code { ... }} stands for code left out and compiles as an empty block; {@code ...}
 *       anywhere else is an error.
 * </ul>
 */
class ReadmeSnippetsTest {
  private static final Pattern CONTEXT = Pattern.compile("<!--\\s*snippet context:(.*?)-->");
  private static final Pattern ELLIPSIS_BLOCK = Pattern.compile("\\{\\s*\\.\\.\\.\\s*}");

  @TempDir
  Path out;

  /** A java block of the README: where it starts, its imports (with those before it), context and body. */
  record Snippet(int number, int line, List<String> imports, String context, List<String> body) {
    String source() {
      StringBuilder s = new StringBuilder();
      imports.forEach(i -> s.append(i).append('\n'));
      s.append("class ").append(className()).append(" {\n").append(context).append('\n');
      s.append("void run() throws Exception {\n");
      body.forEach(b -> s.append(ELLIPSIS_BLOCK.matcher(b).replaceAll("{ }")).append('\n'));
      s.append("}\n}\n");
      return s.toString();
    }

    String className() {
      return "ReadmeSnippet" + number;
    }
  }

  static List<Snippet> snippets(List<String> readme) {
    List<Snippet> out = new ArrayList<>();
    List<String> imports = new ArrayList<>();
    for (int i = 0; i < readme.size(); i++) {
      if (!readme.get(i).strip().equals("```java")) {
        continue;
      }
      String context = "";
      int above = i - 1;
      if (above >= 0) {
        Matcher m = CONTEXT.matcher(readme.get(above));
        if (m.find()) {
          context = m.group(1).strip();
        }
      }
      List<String> body = new ArrayList<>();
      int start = i;
      for (i++; i < readme.size() && !readme.get(i).strip().equals("```"); i++) {
        String line = readme.get(i);
        if (line.startsWith("import ")) {
          imports.add(line);
          body.add(""); // keeps the body's lines where they are in the README
        } else {
          body.add(line);
        }
      }
      out.add(new Snippet(out.size() + 1, start + 1, List.copyOf(imports), context, body));
    }
    return out;
  }

  /** The README.md of the repository this test runs in. */
  static Path readme() {
    Path here = Path.of("").toAbsolutePath();
    for (Path dir = here; dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("spec.md"))) {
        return dir.resolve("README.md");
      }
    }
    throw new AssertionError("no README.md above " + here);
  }

  /** The test class path: surefire hands the JVM a manifest-only jar and names the real one here. */
  private static List<File> classPath() {
    String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Stream.of(path.split(File.pathSeparator)).filter(p -> !p.isBlank()).map(File::new).toList();
  }

  @Test
  void theReadmeHasSnippetsAndTheConventionFindsTheirContext() throws IOException {
    List<Snippet> snippets = snippets(Files.readAllLines(readme(), StandardCharsets.UTF_8));
    assertThat(snippets).hasSizeGreaterThanOrEqualTo(7);
    assertThat(snippets.get(0).imports()).contains("import io.tidemark.core.*;");
    assertThat(snippets).anyMatch(s -> s.context().contains("Table table;"));
  }

  @TestFactory
  Stream<DynamicTest> everyJavaSnippetOfTheReadmeCompiles() throws IOException {
    List<Snippet> snippets = snippets(Files.readAllLines(readme(), StandardCharsets.UTF_8));
    return snippets.stream().map(s -> DynamicTest.dynamicTest("snippet " + s.number() + " (README.md line "
        + s.line() + ")", () -> compile(s)));
  }

  private void compile(Snippet snippet) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    assertThat(compiler).as("a JDK compiler").isNotNull();
    Path dir = Files.createDirectories(out.resolve(snippet.className()));
    Path source = Files.writeString(dir.resolve(snippet.className() + ".java"), snippet.source());
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      List<String> options = List.of("-proc:none", "-d", dir.toString(), "-classpath",
          String.join(File.pathSeparator, classPath().stream().map(File::getPath).toList()));
      boolean ok = compiler.getTask(new StringWriter(), files, diagnostics, options, null,
          files.getJavaFileObjects(source)).call();
      List<String> errors = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          // the body starts after the imports, the class, the context and the method's first line
          long line = snippet.line() + d.getLineNumber() - snippet.imports().size() - 3;
          errors.add("README.md line " + line + ": " + d.getMessage(Locale.ROOT));
        }
      }
      assertThat(ok && errors.isEmpty())
          .as("README snippet %d (line %d) does not compile:%n%s%nas compiled:%n%s", snippet.number(),
              snippet.line(), String.join("\n", errors), snippet.source())
          .isTrue();
    }
  }
}
