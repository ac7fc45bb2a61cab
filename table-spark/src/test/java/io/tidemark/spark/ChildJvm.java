package io.tidemark.spark;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** The command that runs a main class with Spark in a JVM of its own (Spark 4 on Java 17 needs these opens). */
final class ChildJvm {
  private ChildJvm() {}

  static List<String> command(String maxHeap, String classpath, String mainClass, String... args) {
    List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + maxHeap));
    for (String opens : List.of("java.lang", "java.lang.invoke", "java.lang.reflect", "java.io", "java.net", "java.nio",
        "java.util", "java.util.concurrent", "java.util.concurrent.atomic", "sun.nio.ch", "sun.nio.cs",
        "sun.security.action", "sun.util.calendar", "jdk.internal.ref")) {
      command.add("--add-opens=java.base/" + opens + "=ALL-UNNAMED");
    }
    command.addAll(List.of("-cp", classpath, mainClass));
    command.addAll(List.of(args));
    return command;
  }
}
