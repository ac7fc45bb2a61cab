package io.tidemark.spec.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tidemark.spec.Samples;
import io.tidemark.spec.actions.Action;
import io.tidemark.spec.actions.CommitInfo;
import io.tidemark.spec.actions.Protocol;
import io.tidemark.spec.actions.Txn;
import io.tidemark.spec.error.CorruptLogException;
import io.tidemark.spec.error.TidemarkException;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommitCodecStrictDecodingTest {
  private static final String FILE = "_log/00000000000000000003.json";
  private static final String TXN = Samples.line(new Txn("app", 1L, null));
  private static final String ADD_WITHOUT_PATH =
      "{\"add\":{\"partitionValues\":{},\"specId\":0,\"size\":1,\"recordCount\":1,\"dataChange\":true}}";

  private static String info(int actionCount) {
    return Samples.line(Samples.commitInfo(actionCount));
  }

  private static CorruptLogException corrupt(String text) {
    return corrupt(text.getBytes(UTF_8));
  }

  private static CorruptLogException corrupt(byte[] content) {
    return assertThrows(CorruptLogException.class, () -> CommitCodec.decode(FILE, content));
  }

  private static String addWithPath(String path) {
    return "{\"add\":{\"path\":\"" + path.replace("\\", "\\\\") + "\",\"partitionValues\":{},\"specId\":0,"
        + "\"size\":1,\"recordCount\":1,\"dataChange\":true}}";
  }

  @Test
  void decodeRejectsMalformedJsonLineNamingFileAndLine() {
    CorruptLogException e = corrupt(info(2) + "\n" + TXN + "\n" + "{\"add\":{\"path\":\n");

    assertThat(e.file()).isEqualTo(FILE);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).contains(FILE).contains("line 3").contains("not valid JSON");
    assertThat(e.getCause()).isNotNull();
  }

  @Test
  void decodeRejectsJsonWithTrailingTokensOnALine() {
    CorruptLogException e = corrupt(info(1) + "\n" + TXN + " {}\n");

    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("not valid JSON");
  }

  @Test
  void decodeRejectsDuplicateKeysInsideAnAction() {
    CorruptLogException e = corrupt(info(1) + "\n"
        + "{\"txn\":{\"appId\":\"a\",\"version\":1,\"version\":2}}\n");

    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("not valid JSON").contains("version");
  }

  @Test
  void decodeRejectsAddWithoutPathNamingTheMissingField() {
    CorruptLogException e = corrupt(info(2) + "\n" + TXN + "\n" + ADD_WITHOUT_PATH + "\n");

    assertThat(e.file()).isEqualTo(FILE);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).contains("add").contains("missing required field 'path'");
  }

  @Test
  void decodeRejectsCommitInfoWithoutTxnIdNamingTheMissingField() {
    String text = "{\"commitInfo\":{\"timestamp\":1,\"operation\":\"WRITE\",\"isolationLevel\":\"Serializable\","
        + "\"isBlindAppend\":false,\"actionCount\":0}}\n";

    CorruptLogException e = corrupt(text);

    assertThat(e.line()).isEqualTo(1);
    assertThat(e.getMessage()).contains("commitInfo").contains("missing required field 'txnId'");
  }

  @Test
  void decodeRejectsAFieldOfTheWrongJsonTypeNamingTheField() {
    String add = "{\"add\":{\"path\":\"data/a.parquet\",\"specId\":0,\"size\":\"12\",\"recordCount\":1,"
        + "\"dataChange\":true}}";

    CorruptLogException e = corrupt(info(1) + "\n" + add + "\n");

    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("'size'").contains("integer");
  }

  @Test
  void decodeRejectsStatsKeyThatIsNotAFieldId() {
    String add = "{\"add\":{\"path\":\"data/a.parquet\",\"specId\":0,\"size\":1,\"recordCount\":1,"
        + "\"stats\":{\"name\":{\"nullCount\":0}},\"dataChange\":true}}";

    CorruptLogException e = corrupt(info(1) + "\n" + add + "\n");

    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("'name'").contains("not a field id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"min\":1e400", "\"max\":-1E+309"})
  void decodeRejectsABoundBeyondTheRangeOfADoubleInsteadOfReadingAnInfinity(String bound) {
    String add = "{\"add\":{\"path\":\"data/a.parquet\",\"specId\":0,\"size\":1,\"recordCount\":1,"
        + "\"stats\":{\"4\":{\"nullCount\":0," + bound + "}},\"dataChange\":true}}";

    CorruptLogException e = corrupt(info(1) + "\n" + add + "\n");

    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("range of a double");
  }

  @Test
  void decodeRejectsAPartitionValueBeyondTheRangeOfADouble() {
    String add = "{\"add\":{\"path\":\"data/a.parquet\",\"partitionValues\":{\"p\":2e308},\"specId\":0,"
        + "\"size\":1,\"recordCount\":1,\"dataChange\":true}}";

    assertThat(corrupt(info(1) + "\n" + add + "\n").getMessage()).contains("'partitionValues.p'")
        .contains("range of a double");
  }

  @Test
  void decodeRejectsUnknownActionNamingFileAndLine() {
    CorruptLogException e = corrupt(info(2) + "\n" + TXN + "\n" + "{\"cdc\":{\"path\":\"x\"}}\n");

    assertThat(e.file()).isEqualTo(FILE);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).contains("unknown action 'cdc'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1,2]", "\"add\"", "42", "null", "{}"})
  void decodeRejectsALineThatIsNotAnObjectWithOneKey(String badLine) {
    CorruptLogException e = corrupt(info(1) + "\n" + badLine + "\n");

    assertThat(e.file()).isEqualTo(FILE);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("exactly one key");
  }

  @Test
  void decodeRejectsALineWithTwoKeys() {
    String twoKeys = "{\"txn\":{\"appId\":\"a\",\"version\":1},\"protocol\":{\"minReaderVersion\":1,"
        + "\"minWriterVersion\":1,\"readerFeatures\":[],\"writerFeatures\":[]}}";

    CorruptLogException e = corrupt(info(1) + "\n" + twoKeys + "\n");

    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("exactly one key");
  }

  @Test
  void decodeRejectsAnActionWhoseValueIsNotAnObject() {
    CorruptLogException e = corrupt(info(1) + "\n{\"txn\":null}\n");

    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("txn").contains("must be a JSON object");
  }

  @Test
  void decodeRejectsEmptyFileAsAWholeFileProblem() {
    CorruptLogException e = corrupt(new byte[0]);

    assertThat(e.file()).isEqualTo(FILE);
    assertThat(e.line()).isZero();
    assertThat(e.getMessage()).contains("empty").doesNotContain(" line ");
  }

  @Test
  void decodeRejectsAnEmptyLine() {
    CorruptLogException e = corrupt(info(1) + "\n\n" + TXN + "\n");

    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("empty line");
  }

  @Test
  void decodeRejectsATornLastLineThatIsNotNewlineTerminated() {
    CorruptLogException e = corrupt(info(2) + "\n" + TXN + "\n" + TXN);

    assertThat(e.file()).isEqualTo(FILE);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).contains("not terminated");
  }

  @Test
  void decodeRejectsATornLastLineEvenWhenWhatRemainsIsValidJson() {
    CorruptLogException e = corrupt(info(0));

    assertThat(e.line()).isEqualTo(1);
    assertThat(e.getMessage()).contains("not terminated");
  }

  @Test
  void decodeRejectsAFileTruncatedAtALineBoundaryByItsActionCount() {
    byte[] whole = CommitCodec.encode(Samples.everyAction());
    String text = new String(whole, UTF_8);
    int cut = text.indexOf('\n', text.indexOf('\n', text.indexOf('\n') + 1) + 1) + 1;
    String truncated = text.substring(0, cut);
    assertThat(truncated.split("\n")).hasSize(3);

    CorruptLogException e = corrupt(truncated);

    assertThat(e.file()).isEqualTo(FILE);
    assertThat(e.line()).isZero();
    assertThat(e.getMessage()).contains("actionCount says 5").contains("has 2").contains("truncated");
  }

  @Test
  void decodeRejectsMoreActionsThanTheActionCountSays() {
    CorruptLogException e = corrupt(info(1) + "\n" + TXN + "\n" + TXN + "\n");

    assertThat(e.line()).isZero();
    assertThat(e.getMessage()).contains("actionCount says 1").contains("has 2");
  }

  @Test
  void decodeRejectsACommitWhoseFirstActionIsNotCommitInfo() {
    CorruptLogException e = corrupt(Samples.line(Protocol.current()) + "\n" + info(1) + "\n");

    assertThat(e.file()).isEqualTo(FILE);
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.getMessage()).contains("first action must be commitInfo").contains("protocol");
  }

  @Test
  void decodeRejectsASecondCommitInfoNamingItsLine() {
    CorruptLogException e = corrupt(info(2) + "\n" + TXN + "\n" + info(2) + "\n");

    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).contains("commitInfo may appear only on the first line");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../x.parquet", "/abs", "s3://b/k", "a//b", "data/../../x.parquet", "./x.parquet",
      "data/", "a\\b", "C:x.parquet"})
  void decodeRejectsAnAddPathThatEscapesOrIsNotNormalWithinTheTable(String path) {
    CorruptLogException e = corrupt(info(2) + "\n" + TXN + "\n" + addWithPath(path) + "\n");

    assertThat(e.file()).isEqualTo(FILE);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).contains("invalid add").contains("'" + path + "'");
    assertThat(e.getCause()).isInstanceOf(TidemarkException.class);
  }

  @Test
  void decodeRejectsAnEmptyAddPath() {
    CorruptLogException e = corrupt(info(1) + "\n" + addWithPath("") + "\n");

    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("invalid add").contains("file path is empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../x.parquet", "/abs", "s3://b/k", "a//b"})
  void decodeRejectsARemovePathThatEscapesTheTable(String path) {
    String remove = "{\"remove\":{\"path\":\"" + path + "\",\"deletionTimestamp\":1,\"dataChange\":true}}";

    CorruptLogException e = corrupt(info(1) + "\n" + remove + "\n");

    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("invalid remove").contains("'" + path + "'");
  }

  @Test
  void decodeRejectsMetadataWhoseDefaultSpecIsNotAmongItsSpecs() {
    String metadata = Samples.line(Samples.metadata()).replace("\"defaultSpecId\":0", "\"defaultSpecId\":9");

    CorruptLogException e = corrupt(info(1) + "\n" + metadata + "\n");

    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("invalid metadata").contains("default partition spec 9");
  }

  @Test
  void decodeRejectsMetadataWithASchemaThatReusesAFieldId() {
    String metadata = Samples.line(Samples.metadata()).replace("{\"id\":2,", "{\"id\":1,");

    CorruptLogException e = corrupt(info(1) + "\n" + metadata + "\n");

    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("field id 1 is used by both");
  }

  @Test
  void decodeRejectsTxnWithBlankAppId() {
    CorruptLogException e = corrupt(info(1) + "\n{\"txn\":{\"appId\":\" \",\"version\":1}}\n");

    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("invalid txn");
  }

  @Test
  void decodeAcceptsAWellFormedFileOfEveryAction() {
    List<Action> actions = CommitCodec.decode(FILE, CommitCodec.encode(Samples.everyAction()));

    assertThat(actions).hasSize(6);
  }

  /**
   * Regression: decode turns the bytes into a String with replacement, so a
   * commit file whose bytes are not valid UTF-8 (a damaged byte inside a path, say) is silently
   * read with U+FFFD instead of being reported as corrupt.
   */
  @Test
  void decodeRejectsBytesThatAreNotValidUtf8() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes((info(1) + "\n{\"add\":{\"path\":\"data/a").getBytes(UTF_8));
    out.write(0xff);
    out.writeBytes((".parquet\",\"specId\":0,\"size\":1,\"recordCount\":1,\"dataChange\":true}}\n").getBytes(UTF_8));

    CorruptLogException e = corrupt(out.toByteArray());

    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).containsIgnoringCase("UTF-8");
  }
  @Test
  void decodeReadsCrLfLineEndsAsLfOnes() {
    byte[] lf = CommitCodec.encode(Samples.everyAction());
    byte[] crlf = new String(lf, UTF_8).replace("\n", "\r\n").getBytes(UTF_8);

    assertThat(CommitCodec.decode(FILE, crlf)).isEqualTo(CommitCodec.decode(FILE, lf));
  }

  @Test
  void decodeRejectsALineHoldingOnlyACarriageReturnAsEmpty() {
    CorruptLogException e = corrupt(info(1) + "\r\n\r\n" + TXN + "\r\n");

    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("empty line");
  }

  @Test
  void decodeRejectsACarriageReturnThatSeparatesTwoActionsOnOneLine() {
    CorruptLogException e = corrupt(info(2) + "\n" + TXN + "\r" + TXN + "\n");

    assertThat(e.line()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(longs = {Long.MAX_VALUE, 253_402_300_800_000L, -1L, Long.MIN_VALUE})
  void decodeRejectsAnInCommitTimestampOutsideTheYears1970To9999(long timestamp) {
    String line = info(1).replace("\"timestamp\":1700000000123", "\"timestamp\":" + timestamp);

    CorruptLogException e = corrupt(line + "\n" + TXN + "\n");

    assertThat(e.line()).isEqualTo(1);
    assertThat(e.getMessage()).contains("in-commit timestamp " + timestamp).contains("outside the range");
  }

  @ParameterizedTest
  @ValueSource(longs = {0L, 253_402_300_799_999L})
  void decodeAcceptsTheFirstAndLastInCommitTimestamps(long timestamp) {
    String line = info(1).replace("\"timestamp\":1700000000123", "\"timestamp\":" + timestamp);

    List<Action> actions = CommitCodec.decode(FILE, (line + "\n" + TXN + "\n").getBytes(UTF_8));

    assertThat(((CommitInfo) actions.get(0)).timestamp()).isEqualTo(timestamp);
  }
}
