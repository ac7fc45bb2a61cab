package io.tidemark.core.arch;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds calls to the JDK's system property and environment accessors in compiled classes, by
 * reading each class file's constant pool: every call, method reference included, names its
 * target there.
 */
public final class ForbiddenCalls {
  /** Methods (owner.name) whose use means reading or writing system properties or the environment. */
  static final Set<String> FORBIDDEN = Set.of(
      "java/lang/System.getProperty", "java/lang/System.setProperty", "java/lang/System.clearProperty",
      "java/lang/System.getProperties", "java/lang/System.setProperties", "java/lang/System.getenv",
      "java/lang/Long.getLong", "java/lang/Integer.getInteger", "java/lang/Boolean.getBoolean");

  private ForbiddenCalls() {}

  /** What a scan found. */
  public record Result(int classesScanned, List<String> offenders) {}

  /** Scans every class of the directory or jar that {@code anyClassOfModule} was loaded from. */
  public static Result scan(Class<?> anyClassOfModule) throws IOException, URISyntaxException {
    Path where = Path.of(anyClassOfModule.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> offenders = new ArrayList<>();
    int scanned = 0;
    if (Files.isDirectory(where)) {
      List<Path> classes;
      try (Stream<Path> files = Files.walk(where)) {
        classes = files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
      }
      for (Path c : classes) {
        try (InputStream in = Files.newInputStream(c)) {
          check(className(where.relativize(c).toString()), in, offenders);
        }
        scanned++;
      }
    } else {
      try (JarFile jar = new JarFile(where.toFile())) {
        for (JarEntry e : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
          try (InputStream in = jar.getInputStream(e)) {
            check(className(e.getName()), in, offenders);
          }
          scanned++;
        }
      }
    }
    return new Result(scanned, offenders);
  }

  private static String className(String path) {
    return path.substring(0, path.length() - ".class".length()).replace('/', '.').replace('\\', '.');
  }

  private static void check(String className, InputStream stream, List<String> offenders) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException(className + " is not a class file");
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] classNames = new int[count];
    int[][] refs = new int[count][];
    int[] nameAndTypeNames = new int[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7 -> classNames[i] = in.readUnsignedShort();
        case 9, 10, 11 -> refs[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
        case 12 -> {
          nameAndTypeNames[i] = in.readUnsignedShort();
          in.readUnsignedShort();
        }
        case 3, 4, 17, 18 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++; // eight-byte constants take two slots
        }
        case 8, 16, 19, 20 -> in.readUnsignedShort();
        case 15 -> {
          in.readUnsignedByte();
          in.readUnsignedShort();
        }
        default -> throw new IOException(className + ": unknown constant pool tag " + tag);
      }
    }
    for (int i = 1; i < count; i++) {
      if (refs[i] != null) {
        String owner = utf8[classNames[refs[i][0]]];
        String name = utf8[nameAndTypeNames[refs[i][1]]];
        if (FORBIDDEN.contains(owner + "." + name)) {
          offenders.add(className + " calls " + owner + "." + name);
        }
      }
    }
  }
}
