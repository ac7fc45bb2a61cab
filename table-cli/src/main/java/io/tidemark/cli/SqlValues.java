package io.tidemark.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Blob;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBStruct;

/**
 * DuckDB's JDBC values as the values {@link Values} prints, so that a query shows a value as
 * {@code scan} shows it: timestamps with a zone as instants, without one as local date-times,
 * blobs as bytes, lists, structs and maps as Java lists and maps.
 */
final class SqlValues {
  private SqlValues() {}

  static Object of(Object value) throws SQLException {
    if (value instanceof OffsetDateTime t) {
      return t.toInstant();
    } else if (value instanceof Timestamp t) {
      return t.toLocalDateTime();
    } else if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    } else if (value instanceof Byte || value instanceof Short) {
      return ((Number) value).intValue();
    } else if (value instanceof BigInteger i) {
      return new BigDecimal(i);
    } else if (value instanceof Blob b) {
      return b.getBytes(1, Math.toIntExact(b.length()));
    } else if (value instanceof Array a) {
      List<Object> list = new ArrayList<>();
      for (Object element : (Object[]) a.getArray()) {
        list.add(of(element));
      }
      return list;
    } else if (value instanceof DuckDBStruct s) {
      return entries(s.getMap());
    } else if (value instanceof Struct s) {
      List<Object> list = new ArrayList<>();
      for (Object attribute : s.getAttributes()) {
        list.add(of(attribute));
      }
      return list;
    } else if (value instanceof Map<?, ?> m) {
      return entries(m);
    }
    return value;
  }

  private static Map<Object, Object> entries(Map<?, ?> map) throws SQLException {
    Map<Object, Object> converted = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      converted.put(of(e.getKey()), of(e.getValue()));
    }
    return converted;
  }
}
