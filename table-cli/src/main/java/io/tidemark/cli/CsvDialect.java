package io.tidemark.cli;

import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.commons.csv.QuoteMode;

/**
 * How a CSV file is written: its delimiter, quote character, the text standing for null, and
 * whether its first line is a header.
 *
 * @param nullString unquoted fields equal to it are null (then an empty string field stays empty);
 *     null for the default, where an unquoted empty field is null
 */
record CsvDialect(char delimiter, char quote, String nullString, boolean header) {
  /** RFC 4180 with a header row. */
  static final CsvDialect DEFAULT = new CsvDialect(',', '"', null, true);

  /** The character a {@code --delimiter} value names: one character, or {@code \t}/{@code tab}. */
  static char delimiterOf(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    if (t.equals("\\t") || t.equals("tab") || t.equals("\t")) {
      return '\t';
    }
    if (text.length() != 1 || text.charAt(0) == '\n' || text.charAt(0) == '\r') {
      throw new CliException("--delimiter must be one character (or \\t for tab), was '" + text + "'");
    }
    return text.charAt(0);
  }

  /** The commons-csv format; duplicate and empty header names are checked by the appender. */
  CSVFormat format() {
    if (delimiter == quote) {
      throw new CliException("--delimiter and --quote must differ, both were '" + delimiter + "'");
    }
    CSVFormat.Builder b = CSVFormat.RFC4180.builder()
        .setDelimiter(delimiter)
        .setQuote(quote)
        .setNullString(nullString)
        .setQuoteMode(QuoteMode.ALL_NON_NULL) // makes ,, read as null and ,"", as the empty string
        .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
        .setAllowMissingColumnNames(true);
    return b.build();
  }
}
