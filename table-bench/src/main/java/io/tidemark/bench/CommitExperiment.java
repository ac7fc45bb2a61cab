package io.tidemark.bench;

import io.tidemark.core.TableProperties;
import io.tidemark.core.io.FileEntry;
import io.tidemark.core.io.FileIO;
import io.tidemark.core.io.FileIOs;
import io.tidemark.core.io.ForwardingFileIO;
import io.tidemark.core.io.InputFile;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.core.io.OutputFile;
import io.tidemark.core.io.StagedFile;
import java.io.IOException;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A diagnostic, not part of the benchmark run: the concurrent-commit workload on {@link LocalFileIO}
 * with the default retry policy; on a storage without staging, where every attempt writes and
 * forces a temporary commit file of its own (the path before {@link FileIO#stage} existed); with
 * staging, but content that must change between attempts staged as a new file instead of replaced
 * in place ({@link StagedFile#replace}); and with the retry backoff capped at 5 ms instead of 25.
 * The variants take turns, repetition by repetition.
 *
 * <pre>
 * java -cp 'table-bench/target/table-bench-0.1.0-SNAPSHOT.jar:table-bench/target/lib/*' \
 *     io.tidemark.bench.CommitExperiment [reps] [work-dir] [writers, e.g. 1,2,4,8] [appends per writer] [plain]
 * </pre>
 *
 * With {@code plain} only the first variant runs (to profile it).
 */
public final class CommitExperiment {
  private CommitExperiment() {}

  public static void main(String[] args) throws Exception {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Dirs dirs = Dirs.create(Paths.get(args.length > 1 ? args[1] : System.getProperty("java.io.tmpdir")));
    BenchConfig base = BenchConfig.fullMode();
    // one measured repetition per call, no warm-up inside: the variants alternate repetition by repetition
    int[] writers = args.length > 2
        ? java.util.Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray() : base.writers();
    int appendsPerWriter = args.length > 3 ? Integer.parseInt(args[3]) : base.appendsPerWriter();
    boolean plainOnly = args.length > 4 && args[4].equals("plain");
    BenchConfig config = new BenchConfig(false, 40_000, 20, 0, 1, 50, base.smallRows(), 1, writers,
        appendsPerWriter, 1);
    Dataset data = Dataset.generate(config.rows());
    Progress progress = new Progress(System.err);
    int levels = config.writers().length;
    String[] names = {"defaults", "no staging: a new temporary file per attempt",
        "new content staged as a new file", "max-wait 5 ms"};
    List<Supplier<CommitWorkload>> variants = List.of(
        () -> new CommitWorkload(config, data, dirs, progress),
        () -> new CommitWorkload(config, data, dirs, progress, UnstagedFileIO::new, Map.of()),
        () -> new CommitWorkload(config, data, dirs, progress, UnreplacedFileIO::new, Map.of()),
        () -> new CommitWorkload(config, data, dirs, progress, LocalFileIO::new,
            Map.of(TableProperties.COMMIT_MAX_WAIT_MS, "5")));
    int count = plainOnly ? 1 : variants.size();
    double[][][] rate = new double[count][levels][reps];
    double[][][] retries = new double[count][levels][reps];
    try {
      new CommitWorkload(config, data, dirs, progress).concurrentOnly(new Results()); // warm-up
      for (int rep = 0; rep < reps; rep++) {
        for (int k = 0; k < count; k++) {
          int variant = (rep + k) % count;
          Results r = new Results();
          variants.get(variant).get().concurrentOnly(r);
          for (int l = 0; l < levels; l++) {
            String key = "concurrent." + config.writers()[l] + ".";
            rate[variant][l][rep] = r.median(key + "commits_per_s");
            retries[variant][l][rep] = r.median(key + "retries");
          }
        }
      }
    } finally {
      dirs.deleteAll();
    }
    StringBuilder header = new StringBuilder("| writers |");
    StringBuilder rule = new StringBuilder("|---:|");
    for (int v = 0; v < count; v++) {
      header.append(' ').append(names[v]).append(": commits/s | retries |");
      rule.append("---:|---:|");
    }
    System.out.println(header);
    System.out.println(rule);
    for (int l = 0; l < levels; l++) {
      StringBuilder row = new StringBuilder("| " + config.writers()[l] + " |");
      for (int v = 0; v < count; v++) {
        Stats.Summary s = Stats.summarize(rate[v][l]);
        row.append(String.format(" %.1f (%.1f – %.1f) | %.0f |", s.median(), s.min(), s.max(), Stats.median(retries[v][l])));
      }
      System.out.println(row);
    }
  }

  /** LocalFileIO whose staged files cannot be replaced: new content is staged as a new file. */
  static final class UnreplacedFileIO extends ForwardingFileIO {
    UnreplacedFileIO() {
      super(new LocalFileIO());
    }

    @Override
    public StagedFile stage(String nearLocation, byte[] content) throws IOException {
      StagedFile staged = FileIOs.stage(delegate(), nearLocation, content);
      return new StagedFile() {
        @Override
        public boolean publish(String location) throws IOException {
          return staged.publish(location);
        }

        @Override
        public void close() throws IOException {
          staged.close();
        }
      };
    }
  }

  /** LocalFileIO without its staging: {@link FileIO#stage}'s default calls the exclusive create per attempt. */
  static final class UnstagedFileIO implements FileIO {
    private final LocalFileIO local = new LocalFileIO();

    @Override
    public InputFile newInputFile(String location) {
      return local.newInputFile(location);
    }

    @Override
    public OutputFile newOutputFile(String location) {
      return local.newOutputFile(location);
    }

    @Override
    public boolean createExclusive(String location, byte[] content) throws IOException {
      return local.createExclusive(location, content);
    }

    @Override
    public Optional<byte[]> readIfExists(String location) throws IOException {
      return local.readIfExists(location);
    }

    @Override
    public List<FileEntry> list(String prefix, String startAfter) throws IOException {
      return local.list(prefix, startAfter);
    }

    @Override
    public void delete(String location) throws IOException {
      local.delete(location);
    }
  }
}
