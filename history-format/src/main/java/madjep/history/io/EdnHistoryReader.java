package madjep.history.io;

import java.io.InputStream;
import madjep.history.DataError;
import madjep.history.History;
import madjep.history.HistoryBuilder;
import madjep.history.OpType;
import madjep.history.edn.EdnParser;
import madjep.history.edn.Keyword;

/**
 * Reads Jepsen's {@code history.edn}: op maps one after another, or one vector or list of op maps. Record tags such
 * as {@code #jepsen.history.Op{...}} are read as their maps. The standard fields are read without boxing.
 */
final class EdnHistoryReader implements EdnParser.EntrySink {
  static final String STRING_F = "a string :f (such as jepsen-rs's nemesis \"partition\") read as a keyword";

  private final EdnParser p;
  private final HistoryBuilder b;
  private final OpFields op;

  private EdnHistoryReader(InputStream in, String source) {
    this.p = new EdnParser(in, source);
    this.b = new HistoryBuilder(source);
    this.op = new OpFields(source);
  }

  static History read(InputStream in, String source) {
    return new EdnHistoryReader(in, source).readAll();
  }

  private History readAll() {
    int c = p.skipWhitespace();
    if (c == EdnParser.EOF && p.skippedForms()) {
      throw NoOps.error(p.source(), 1, 1, "EDN op maps such as {:type :invoke, :f :read, :process 0}",
          "only comments or discarded forms");
    }
    if (c == '[' || c == '(') {
      char close = c == '[' ? ']' : ')';
      int l = p.line();
      int col = p.column();
      p.skip();
      while (true) {
        c = p.skipWhitespace();
        if (c == close) {
          p.skip();
          break;
        }
        if (c == EdnParser.EOF) {
          throw p.errorAt(l, col, "expected '" + close + "' to close the collection of ops opened here, found the end"
              + " of the input");
        }
        readOp(c);
      }
      if (p.skipWhitespace() != EdnParser.EOF) {
        throw p.error("expected the end of the input after the collection of ops, found " + p.describeNext());
      }
    } else {
      while (c != EdnParser.EOF) {
        readOp(c);
        c = p.skipWhitespace();
      }
    }
    return b.build();
  }

  private void readOp(int c) {
    int l = p.line();
    int col = p.column();
    if (c == '#') {
      p.skip();
      p.readTag(l, col);
      c = p.skipWhitespace();
    }
    if (c != '{') {
      throw p.error("expected an op map '{...}', found " + p.describeNext());
    }
    p.skip();
    op.begin(l, col);
    p.readMapEntries(this, l, col);
    op.addTo(b);
  }

  @Override
  public boolean entry(Keyword key, EdnParser parser) {
    int c = parser.skipWhitespace();
    int l = parser.line();
    int col = parser.column();
    if (key == OpFields.TYPE) {
      op.see(1, ":type", l, col);
      Keyword k = parser.readKeyword("an op :type (:invoke, :ok, :fail or :info)");
      op.type = OpType.of(k);
      if (op.type == null) {
        throw new DataError(DataError.Kind.OP_TYPE, parser.source(), l, col, -1,
            "expected an op :type (:invoke, :ok, :fail or :info), found " + k);
      }
    } else if (key == OpFields.PROCESS) {
      op.see(2, ":process", l, col);
      if (c == ':') {
        op.process = b.namedProcess(parser.readKeyword("a process"));
      } else {
        Object v = parser.readValue();
        if (v instanceof Long n) {
          op.process = b.clientProcess(n, l, col);
        } else if (v != null) {
          throw field(l, col, "expected a :process (an integer or a keyword such as :nemesis), found "
              + EdnParser.describe(v));
        }
      }
    } else if (key == OpFields.F) {
      op.see(4, ":f", l, col);
      Object v = parser.readValue();
      if (v instanceof String s && Keyword.isValidName(s)) {
        // jepsen-rs writes a nemesis op's :f as a string ("partition"); a name can only mean the keyword.
        b.note(STRING_F);
        v = Keyword.of(s);
      }
      if (v != null && !(v instanceof Keyword)) {
        throw field(l, col, "expected :f to be a keyword such as :read, found " + EdnParser.describe(v));
      }
      op.f = (Keyword) v;
    } else if (key == OpFields.VALUE) {
      op.see(8, ":value", l, col);
      op.value = parser.readValue();
    } else if (key == OpFields.INDEX) {
      op.see(16, ":index", l, col);
      op.index = parser.readLong("an :index (a non-negative integer)");
      if (op.index < 0) {
        throw field(l, col, "expected an :index (a non-negative integer), found " + op.index);
      }
    } else if (key == OpFields.TIME) {
      op.see(32, ":time", l, col);
      op.time = parser.readLong("a :time in nanoseconds (an integer)");
    } else if (key == OpFields.ERROR) {
      op.see(64, ":error", l, col);
      op.error = parser.readValue();
    } else {
      op.extra(key, parser.readValue(), l, col);
    }
    return true;
  }

  private DataError field(int l, int col, String detail) {
    return new DataError(DataError.Kind.FIELD, p.source(), l, col, -1, detail);
  }

  @Override
  public void other(Object key, Object value, int line, int column) {
    throw field(line, column, "expected keyword keys in an op map, found " + EdnParser.describe(key));
  }
}
