package io.tidemark.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one run, in the order they were measured: printed as a markdown table and
 * written as a flat JSON object of figure name to number. A figure measured over several
 * repetitions is written as its median under its name, and as {@code <name>.min} and
 * {@code <name>.max}.
 */
final class Results {
  /** One figure: its summary over repetitions, its unit and what it means. */
  record Figure(String name, Stats.Summary summary, String unit, String note) {}

  private final Map<String, Figure> figures = new LinkedHashMap<>();
  private final Map<String, Double> extra = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  /** Adds a figure measured over repetitions. */
  void add(String name, Stats.Summary summary, String unit, String note) {
    if (figures.containsKey(name) || extra.containsKey(name)) {
      throw new IllegalArgumentException("figure " + name + " added twice");
    }
    figures.put(name, new Figure(name, summary, unit, note));
  }

  /** Adds a figure measured over repetitions, from the value of each. */
  void add(String name, double[] perRepetition, String unit, String note) {
    add(name, Stats.summarize(perRepetition), unit, note);
  }

  /** Adds a single number (a count, a check or a configuration value). */
  void add(String name, double value, String unit, String note) {
    add(name, Stats.Summary.of(value), unit, note);
  }

  /** Adds a number to the JSON only (configuration, machine), not to the table. */
  void addJsonOnly(String name, double value) {
    if (figures.containsKey(name) || extra.containsKey(name)) {
      throw new IllegalArgumentException("figure " + name + " added twice");
    }
    extra.put(name, value);
  }

  /** Adds a line printed under the table. */
  void note(String line) {
    notes.add(line);
  }

  Map<String, Figure> figures() {
    return figures;
  }

  /** The median of a figure, or NaN when it was not measured. */
  double median(String name) {
    Figure f = figures.get(name);
    return f == null ? Double.NaN : f.summary().median();
  }

  /** The flat name → number map written as JSON. */
  Map<String, Double> flat() {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Figure f : figures.values()) {
      out.put(f.name(), f.summary().median());
      if (f.summary().count() > 1) {
        out.put(f.name() + ".min", f.summary().min());
        out.put(f.name() + ".max", f.summary().max());
      }
    }
    out.putAll(extra);
    return out;
  }

  /** The JSON object: one line per figure, keys in measuring order. Non-finite values are left out. */
  String toJson() {
    StringBuilder sb = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, Double> e : flat().entrySet()) {
      if (!Double.isFinite(e.getValue())) {
        continue;
      }
      sb.append(first ? "\n" : ",\n");
      first = false;
      sb.append("  ").append(quote(e.getKey())).append(": ").append(number(e.getValue()));
    }
    return sb.append(first ? "}" : "\n}").append('\n').toString();
  }

  void writeJson(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, toJson(), StandardCharsets.UTF_8);
  }

  /** The markdown table of the figures, then the notes. */
  String toMarkdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("| figure | median | min – max | unit | what it is |\n");
    sb.append("|---|---:|---:|---|---|\n");
    for (Figure f : figures.values()) {
      Stats.Summary s = f.summary();
      String range = s.count() > 1 ? display(s.min()) + " – " + display(s.max()) : "";
      sb.append("| `").append(f.name()).append("` | ").append(display(s.median())).append(" | ").append(range)
          .append(" | ").append(f.unit()).append(" | ").append(f.note().replace("|", "\\|")).append(" |\n");
    }
    if (!notes.isEmpty()) {
      sb.append('\n');
      for (String n : notes) {
        sb.append("- ").append(n).append('\n');
      }
    }
    return sb.toString();
  }

  /** A number as JSON: integers without a fraction, others with six significant digits. */
  static String number(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("JSON has no " + v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }

  /** A number for the table: integers as such, others with three significant digits (at least two decimals below 10). */
  static String display(double v) {
    if (!Double.isFinite(v)) {
      return "n/a";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format("%,d", (long) v);
    }
    double a = Math.abs(v);
    if (a >= 1000) {
      return String.format("%,.0f", v);
    } else if (a >= 100) {
      return String.format("%.1f", v);
    } else if (a >= 10) {
      return String.format("%.2f", v);
    }
    return String.format("%.3f", v);
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
