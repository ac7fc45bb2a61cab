package io.tidemark.core.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.core.internal.checkpoint.ManifestCache;
import io.tidemark.core.internal.log.Commit;
import io.tidemark.core.io.LocalFileIO;
import io.tidemark.spec.actions.Action;
import io.tidemark.spec.actions.AddFile;
import io.tidemark.spec.actions.CommitInfo;
import io.tidemark.spec.actions.Metadata;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.actions.RemoveFile;
import io.tidemark.spec.partition.PartitionSpec;
import io.tidemark.spec.types.SchemaDdl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnapshotBuilderTest {
  private static final Metadata METADATA = new Metadata("7c1f6a0e-0000-4000-8000-000000000001", 0,
      SchemaDdl.parse("id long"), 1, List.of(PartitionSpec.unpartitioned()), 0, 999, Map.of(), 1L);
  private final ManifestCache manifests = new ManifestCache(new LocalFileIO(), "/nowhere", 1 << 20);

  private static Commit commit(long version, Action... body) {
    List<Action> all = new ArrayList<>();
    CommitInfo info = new CommitInfo(1000 + version, "WRITE", Map.of(), null, "Serializable", true,
        "txn-" + version, Map.of(), "test", body.length);
    all.add(info);
    all.addAll(List.of(body));
    return new Commit(version, info, all, 100);
  }

  private static AddFile add(String path) {
    return new AddFile(path, Map.of(), 0, 1000, 5, Map.of(), true);
  }

  @Test
  void aStateIsNotChangedByTheBuildersStartedFromIt() {
    TableState first = new SnapshotBuilder(manifests)
        .apply(commit(0, new Protocol(1, 1, Set.of(), Set.of()), METADATA, add("data/a.parquet")))
        .build();
    TableState second = new SnapshotBuilder(first)
        .apply(commit(1, new RemoveFile("data/a.parquet", 2000, true, 10L, 5L), add("data/b.parquet")))
        .build();
    assertThat(first.tailAdds()).containsOnlyKeys("data/a.parquet");
    assertThat(first.tailRemoves()).isEmpty();
    assertThat(second.tailAdds()).containsOnlyKeys("data/b.parquet");
    assertThat(second.version()).isEqualTo(1);
    assertThat(first.version()).isZero();
  }

  @Test
  void aBuilderIsSpentOnceItHasBuilt() {
    SnapshotBuilder builder = new SnapshotBuilder(manifests)
        .apply(commit(0, new Protocol(1, 1, Set.of(), Set.of()), METADATA));
    TableState state = builder.build();
    assertThatThrownBy(() -> builder.apply(commit(1, add("data/a.parquet")))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
    assertThat(state.tailAdds()).isEmpty();
  }
}
