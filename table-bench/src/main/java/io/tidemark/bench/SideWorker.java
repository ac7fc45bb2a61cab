package io.tidemark.bench;

import io.tidemark.core.Table;
import io.tidemark.core.Tables;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The main of a side JVM ({@link SideProcess}): generates the benchmark's rows from the seed, as
 * the parent does, then runs one timed operation per command line and answers with its figures.
 * Replies start with {@link #REPLY}; anything else on standard output is passed on as a log line.
 *
 * <pre>
 * write &lt;dir&gt;                     → ok seconds cpu-seconds files bytes
 * scan-all &lt;table&gt; &lt;file&gt;...     → ok seconds cpu-seconds rows checksum
 * scan-day &lt;table&gt; &lt;file&gt;...     → (the same, for the rows of {@link ScanWorkload#DAY})
 * smallscan-all &lt;table&gt; &lt;threads&gt; &lt;file&gt;...  → (the same, {@link SmallScanWorkload})
 * smallscan-day &lt;table&gt; &lt;threads&gt; &lt;dir&gt;      → (the same, the day's rows; parquet reads the directory)
 * quit
 * </pre>
 *
 * Tidemark reads the table; parquet-hadoop reads the listed data files of that table.
 */
final class SideWorker {
  /** What every reply line starts with. */
  static final String REPLY = "@@ ";

  private final String engine;
  private final Dataset data;
  private final int appends;
  private final Map<String, Table> tables = new HashMap<>();

  private SideWorker(String engine, Dataset data, int appends) {
    this.engine = engine;
    this.data = data;
    this.appends = appends;
  }

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    String engine = args[0];
    if (!List.of(Sides.TIDEMARK, Sides.PARQUET, Sides.PARQUET_FSYNC).contains(engine)) {
      out.println(REPLY + "error\tunknown side " + engine);
      System.exit(2);
    }
    SideWorker worker = new SideWorker(engine, Dataset.generate(Integer.parseInt(args[1])), Integer.parseInt(args[2]));
    out.println(REPLY + "ready");
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null && !line.equals("quit")) {
      try {
        out.println(REPLY + "ok\t" + worker.run(line.split("\t")));
      } catch (Exception | Error e) {
        out.println(REPLY + "error\t" + e);
        e.printStackTrace();
      }
    }
  }

  private String run(String[] words) throws Exception {
    return switch (words[0]) {
      case "write" -> {
        WriteWorkload.Run r = engine.equals(Sides.TIDEMARK)
            ? WriteWorkload.writeTidemark(data.rows, appends, Paths.get(words[1]))
            : WriteWorkload.writeParquet(data.rows, appends, Paths.get(words[1]), engine.equals(Sides.PARQUET_FSYNC));
        yield join(r.seconds(), r.cpuSeconds(), r.files(), r.bytes());
      }
      case "scan-all", "scan-day" -> {
        boolean day = words[0].equals("scan-day");
        Instant from = Dataset.dayStart(ScanWorkload.DAY);
        Instant to = Dataset.dayStart(ScanWorkload.DAY + 1);
        ScanWorkload.Read r;
        if (engine.equals(Sides.TIDEMARK)) {
          Table table = tables.computeIfAbsent(words[1], Tables::open);
          r = day ? ScanWorkload.tidemarkDay(table, from, to) : ScanWorkload.tidemarkAll(table);
        } else {
          List<Path> files = new ArrayList<>();
          for (String f : Arrays.asList(words).subList(2, words.length)) {
            files.add(Paths.get(f));
          }
          r = ScanWorkload.parquet(files, day ? ScanWorkload.dayFilter(from, to) : null, null);
        }
        yield join(r.seconds(), r.cpuSeconds(), r.rows(), r.checksum());
      }
      case "smallscan-all", "smallscan-day" -> {
        boolean day = words[0].equals("smallscan-day");
        ScanWorkload.Read r;
        if (engine.equals(Sides.TIDEMARK)) {
          Table table = tables.computeIfAbsent(words[1], Tables::open);
          r = SmallScanWorkload.tidemark(table, day, Integer.parseInt(words[2]));
        } else {
          List<Path> files = new ArrayList<>();
          for (String f : Arrays.asList(words).subList(3, words.length)) {
            files.add(Paths.get(f));
          }
          r = SmallScanWorkload.parquet(files);
        }
        yield join(r.seconds(), r.cpuSeconds(), r.rows(), r.checksum());
      }
      default -> throw new IllegalArgumentException("unknown command " + words[0]);
    };
  }

  private static String join(Object... values) {
    StringBuilder sb = new StringBuilder();
    for (Object v : values) {
      sb.append(sb.length() == 0 ? "" : "\t").append(v);
    }
    return sb.toString();
  }
}
