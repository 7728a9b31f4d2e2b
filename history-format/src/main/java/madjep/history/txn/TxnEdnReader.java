package madjep.history.txn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import madjep.history.History;
import madjep.history.OpType;
import madjep.history.edn.Keyword;

/**
 * Parses a Jepsen {@code history.edn} of transactions straight into a {@link TxnHistory}, byte by byte, without
 * building a value per op: the fast path for histories of millions of transactions. It handles what Jepsen and Elle
 * write: op maps (one per line, or in one vector), integer or keyword keys, integer values, list reads, extra keys
 * (skipped), {@code ;} comments. Anything else (a string or map value in a micro-op, a tagged op, ops that do not pair
 * up, out-of-order indices) makes it give up and return null, and the caller reads the file with the generic reader,
 * which also reports errors with their line and column. Ops read this way keep only their standard keys.
 *
 * <p>It never accepts what the generic reader refuses: control bytes, bytes past ASCII (whose UTF-8 the generic
 * reader checks), a token that is not exactly {@code nil} where nil may stand, a completion whose {@code :f} differs
 * from its invocation's, or input that holds no op all make it fall back. Each scanning step consumes input or gives
 * up, so no input makes it loop; and it reserves memory from the file's size only once the input opens like a
 * history, and never more than a fraction of the heap.
 */
public final class TxnEdnReader {
  private static final int BUFFER = 8 << 20;
  private static final OpType[] TYPES = OpType.values();
  /** An op is parsed only when this much input is buffered ahead of it; longer ops fall back. */
  private static final int MAX_OP = 1 << 20;

  private final InputStream in;
  private final String source;
  private final long sizeHint;
  /** One byte longer than the data it holds: buf[lim] is a 0 sentinel that stops every scanning loop. */
  private final byte[] buf;
  private int pos;
  private int lim;
  private boolean eof;
  private int line = 1;
  /** Made once the input opens like a history, sized from the file's size (bounded by the heap). */
  private TxnHistoryBuilder b;

  // The op being read.
  private long idx;
  private long time;
  private int type;
  private int process;
  private boolean named;
  private Keyword f;
  private boolean hasValue;
  private boolean notTxn;
  private int mops;
  private byte[] mopF = new byte[64];
  private int[] mopKey = new int[64];
  private long[] mopValue = new long[64];
  private int[] mopList = new int[64];
  private int[] mopListLen = new int[64];
  private long[] list = new long[256];
  private int listSize;

  // Pairing.
  private int[] pendingSlot = new int[64];
  private long[] pendingIndex = new long[64];
  private long[] pendingTime = new long[64];
  private Keyword[] pendingF = new Keyword[64];
  /** Invocations read so far, which bound how large a process id may plausibly be. */
  private long invocations;
  private int noProcessSlot = -1;
  private long noProcessIndex;
  private long noProcessTime;
  private int ordinal;
  private boolean indexed;
  private long lastIndex = -1;

  // Keyword and function caches.
  private final KeywordCache keywords = new KeywordCache();

  private TxnEdnReader(InputStream in, String source, long sizeHint) {
    this.in = in;
    this.source = source;
    this.sizeHint = sizeHint;
    // A small file needs no 8 MiB buffer (ops longer than the buffer fall back, so any size reads correctly).
    this.buf = new byte[(int) (sizeHint > 0 ? Math.min(BUFFER, Math.max(sizeHint, 1 << 16)) : BUFFER) + 1];
    Arrays.fill(pendingSlot, -2);
  }

  /** The builder, presized from the file's size but never past about a quarter of the heap. */
  private TxnHistoryBuilder builder() {
    if (sizeHint <= 0) {
      return new TxnHistoryBuilder(source);
    }
    // Jepsen's lines run about 130 bytes, with 2.5 micro-ops and 8 list elements a transaction: ~200 bytes of
    // columns per transaction.
    long txns = Math.min(sizeHint / 250, Runtime.getRuntime().maxMemory() / 4 / 200);
    return new TxnHistoryBuilder(source, (int) Math.min(txns + 1024, 1 << 28), (int) Math.min(txns * 3 + 4096, 1 << 28),
        (int) Math.min(txns * 12 + 4096, 1 << 28));
  }

  /** Reads a file, or returns null when it is not a plain EDN history of transactions. */
  public static TxnHistory readIfSimple(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString(), Files.size(file));
    }
  }

  /** Reads a stream, or returns null when it is not a plain EDN history of transactions. */
  public static TxnHistory read(InputStream in, String source) throws IOException {
    return read(in, source, 0);
  }

  /**
   * Reads a stream of {@code sizeHint} bytes (0 when unknown), or returns null when it is not a plain EDN history of
   * transactions; the size presizes the columns once the input opens like a history.
   */
  public static TxnHistory read(InputStream in, String source, long sizeHint) throws IOException {
    TxnEdnReader r = new TxnEdnReader(in, source, sizeHint);
    return r.readAll() && r.ordinal > 0 ? r.b.build() : null;
  }

  private void fill() throws IOException {
    if (eof) {
      return;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, lim - pos);
      lim -= pos;
      pos = 0;
    }
    int capacity = buf.length - 1;
    while (lim < capacity) {
      int r = in.read(buf, lim, capacity - lim);
      if (r < 0) {
        eof = true;
        break;
      }
      lim += r;
    }
    buf[lim] = 0;
  }

  /** What {@link #skip} returns for a byte this reader leaves to the generic reader: never '{', a close or -1. */
  private static final int NOT_PLAIN = 0x80;

  /**
   * Skips whitespace, commas and comments; returns the next byte (unsigned), -1 at the end, or {@link #NOT_PLAIN}.
   */
  private int skip() throws IOException {
    while (true) {
      if (pos >= lim) {
        fill();
        if (pos >= lim) {
          return -1;
        }
      }
      byte c = buf[pos];
      if (c == '\n') {
        line++;
        pos++;
      } else if (c == '\r') {
        if (buf[pos + 1] != '\n') {
          line++; // a lone CR ends a line (buf[lim] is a sentinel, so pos + 1 is in bounds)
        }
        pos++;
      } else if (c == ' ' || c == ',' || c == '\t') {
        pos++;
      } else if (c == ';') {
        while (pos < lim && buf[pos] != '\n' && buf[pos] != '\r') {
          if (buf[pos] < 0) {
            return NOT_PLAIN; // a comment's UTF-8 is the generic reader's to check
          }
          pos++;
          if (pos >= lim) {
            fill();
          }
        }
      } else {
        return c & 0xff; // unsigned: the byte 0xFF is not the end (-1)
      }
    }
  }

  private boolean readAll() throws IOException {
    fill();
    if (lim >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
      pos = 3; // a UTF-8 byte order mark
    }
    int c = skip();
    if (c != '{' && c != '[' && c != '(') {
      return false;
    }
    b = builder();
    boolean wrapped = c == '[' || c == '(';
    byte close = (byte) (c == '[' ? ']' : ')');
    if (wrapped) {
      pos++;
    }
    while (true) {
      c = skip();
      if (c == -1) {
        return !wrapped && noOpenInvocations();
      }
      if (wrapped && c == close) {
        pos++;
        return skip() == -1 && noOpenInvocations();
      }
      if (c != '{') {
        return false;
      }
      if (lim - pos < MAX_OP && !eof) {
        fill();
      }
      if (!readOp()) {
        return false;
      }
    }
  }

  /** Where the keys of the op being read start and how long they are; an op with more falls back. */
  private final int[] keyStarts = new int[MAX_KEYS];
  private final int[] keyLengths = new int[MAX_KEYS];
  private int keys;
  private static final int MAX_KEYS = 16;

  /** Remembers the key at {@code ks}; false when the op already had it (or has too many keys to track). */
  private boolean firstTimeInOp(int ks, int kl) {
    for (int k = 0; k < keys; k++) {
      if (keyLengths[k] == kl && java.util.Arrays.equals(buf, keyStarts[k], keyStarts[k] + kl, buf, ks, ks + kl)) {
        return false;
      }
    }
    if (keys == MAX_KEYS) {
      return false;
    }
    keyStarts[keys] = ks;
    keyLengths[keys++] = kl;
    return true;
  }

  /** One op map; false when it is not a simple op (the caller then falls back). */
  private boolean readOp() {
    int opLine = line;
    pos++;
    keys = 0;
    idx = Long.MIN_VALUE;
    time = -1;
    type = -1;
    process = History.NO_PROCESS;
    named = false;
    f = null;
    hasValue = false;
    notTxn = false;
    mops = 0;
    listSize = 0;
    while (true) {
      int c = ws();
      if (c == '}') {
        pos++;
        break;
      }
      if (c != ':') {
        return false;
      }
      int ks = ++pos;
      while (pos < lim && !delimiter(buf[pos])) {
        if (buf[pos] == '\\') {
          return false; // no keyword name holds a backslash: the generic reader's to refuse
        }
        pos++;
      }
      int kl = pos - ks;
      if (kl == 0 || pos >= lim || ws() < 0) {
        return false; // a ':' without a name is the generic reader's to refuse
      }
      if (!firstTimeInOp(ks, kl)) {
        return false; // a key twice in one op is the generic reader's to refuse
      }
      if (is(ks, kl, "type")) {
        if (ws() != ':') {
          return false;
        }
        type = opType();
        if (type < 0) {
          return false;
        }
      } else if (is(ks, kl, "value")) {
        int start = pos;
        int startLine = line;
        if (!value()) {
          // Not a transaction: fine for a nemesis op, which finish() skips; anything else falls back.
          pos = start;
          line = startLine;
          mops = 0;
          listSize = 0;
          notTxn = true;
          if (!skipValue(0)) {
            return false;
          }
        }
      } else if (is(ks, kl, "process")) {
        int p = ws();
        if (p == ':') {
          named = true;
          if (keyword() == null) {
            return false;
          }
        } else if (p == 'n') {
          if (!nil()) {
            return false;
          }
        } else {
          long v = integer();
          if (v == Long.MIN_VALUE || v < 0 || v > Integer.MAX_VALUE) {
            return false;
          }
          process = (int) v;
        }
      } else if (is(ks, kl, "f")) {
        int p = ws();
        if (p == ':') {
          f = keyword();
          if (f == null) {
            return false;
          }
        } else if (p == 'n') {
          if (!nil()) {
            return false;
          }
        } else {
          return false;
        }
      } else if (is(ks, kl, "index")) {
        idx = integer();
        if (idx == Long.MIN_VALUE || idx < 0) {
          return false;
        }
      } else if (is(ks, kl, "time")) {
        time = integer();
        if (time == Long.MIN_VALUE) {
          return false;
        }
      } else if (!skipValue(0)) {
        return false;
      }
    }
    return finish(opLine);
  }

  private boolean finish(int opLine) {
    if (type < 0) {
      return false;
    }
    int i = ordinal++;
    boolean has = idx != Long.MIN_VALUE;
    if (i == 0) {
      indexed = has;
    } else if (has != indexed || (has && idx <= lastIndex)) {
      return false;
    }
    if (!has) {
      idx = i;
    }
    lastIndex = idx;
    if (named) {
      return true;
    }
    if (notTxn) {
      return false;
    }
    if (type == 0) {
      if (process == History.NO_PROCESS) {
        noProcessSlot = b.invokeEvent();
        noProcessIndex = idx;
        noProcessTime = time;
        return true;
      }
      if (!ensureProcess(process) || pendingSlot[process] != -2) {
        return false;
      }
      pendingSlot[process] = b.invokeEvent();
      pendingIndex[process] = idx;
      pendingTime[process] = time;
      pendingF[process] = f;
      return true;
    }
    int slot;
    long invIdx;
    long invTime;
    if (process == History.NO_PROCESS) {
      slot = noProcessSlot;
      invIdx = noProcessIndex;
      invTime = noProcessTime;
      noProcessSlot = -1;
    } else {
      if (process >= pendingSlot.length || pendingSlot[process] == -2 || pendingF[process] != f) {
        return false;
      }
      slot = pendingSlot[process];
      invIdx = pendingIndex[process];
      invTime = pendingTime[process];
      pendingSlot[process] = -2;
    }
    if (!hasValue && type == 1) {
      return false;
    }
    b.beginTxn(TYPES[type], process, idx, time, slot, invIdx, invTime, f, opLine);
    for (int m = 0; m < mops; m++) {
      if (mopList[m] >= 0) {
        b.beginListRead(mopKey[m]);
        for (int j = 0; j < mopListLen[m]; j++) {
          b.listElement(b.longValue(list[mopList[m] + j]));
        }
      } else {
        long v = mopValue[m] == TxnHistory.NIL ? TxnHistory.NIL : b.longValue(mopValue[m]);
        b.mop(mopF[m], mopKey[m], v);
      }
    }
    return true;
  }

  /** Invocations that never completed are left to the generic reader, which keeps their values. */
  private boolean noOpenInvocations() {
    if (noProcessSlot >= 0) {
      return false;
    }
    for (int s : pendingSlot) {
      if (s != -2) {
        return false;
      }
    }
    return true;
  }

  /**
   * Makes room for process {@code p}; false (the generic reader then reads the file) for a process id far beyond the
   * ops read so far, whose arrays would be sized by the id, not the file (the fuzzer found a 60-byte file asking for
   * gigabytes with {@code :process 01142323154}).
   */
  private boolean ensureProcess(int p) {
    invocations++;
    if (p >= pendingSlot.length) {
      if (p >= 1 << 16 && p > 8L * invocations) {
        return false;
      }
      int n = Math.max(p + 1, pendingSlot.length * 2);
      int old = pendingSlot.length;
      pendingSlot = Arrays.copyOf(pendingSlot, n);
      Arrays.fill(pendingSlot, old, n, -2);
      pendingIndex = Arrays.copyOf(pendingIndex, n);
      pendingTime = Arrays.copyOf(pendingTime, n);
      pendingF = Arrays.copyOf(pendingF, n);
    }
    return true;
  }

  /** {@code :value}: nil, or a vector of micro-ops {@code [f k v]}. */
  private boolean value() {
    int c = ws();
    if (c == 'n') {
      hasValue = false;
      return nil();
    }
    if (c != '[') {
      return false;
    }
    hasValue = true;
    pos++;
    while (true) {
      c = ws();
      if (c == ']') {
        pos++;
        return true;
      }
      if (c != '[' || !mop()) {
        return false;
      }
    }
  }

  private boolean mop() {
    pos++;
    if (ws() != ':') {
      return false;
    }
    int fs = ++pos;
    while (pos < lim && !delimiter(buf[pos])) {
      pos++;
    }
    byte fn;
    if (is(fs, pos - fs, "r")) {
      fn = TxnHistory.READ;
    } else if (is(fs, pos - fs, "append")) {
      fn = TxnHistory.APPEND;
    } else if (is(fs, pos - fs, "w")) {
      fn = TxnHistory.WRITE;
    } else {
      return false;
    }
    int c = ws();
    int key;
    if (c == ':') {
      Keyword k = keyword();
      if (k == null) {
        return false;
      }
      key = b.key(k);
    } else {
      long k = integer();
      if (k == Long.MIN_VALUE) {
        return false;
      }
      key = b.longKey(k);
    }
    if (mops == mopF.length) {
      int n = mops * 2;
      mopF = Arrays.copyOf(mopF, n);
      mopKey = Arrays.copyOf(mopKey, n);
      mopValue = Arrays.copyOf(mopValue, n);
      mopList = Arrays.copyOf(mopList, n);
      mopListLen = Arrays.copyOf(mopListLen, n);
    }
    int m = mops++;
    mopF[m] = fn;
    mopKey[m] = key;
    mopList[m] = -1;
    mopValue[m] = TxnHistory.NIL;
    c = ws();
    if (c == ']') {
      pos++;
      return fn == TxnHistory.READ;
    }
    if (c == 'n') {
      if (!nil()) {
        return false;
      }
    } else if (c == '[') {
      if (fn != TxnHistory.READ) {
        return false;
      }
      pos++;
      mopList[m] = listSize;
      int start = listSize;
      while (true) {
        c = ws();
        if (c == ']') {
          pos++;
          break;
        }
        long v = integer();
        if (v == Long.MIN_VALUE || v == Long.MIN_VALUE + 1) {
          return false;
        }
        if (listSize == list.length) {
          list = Arrays.copyOf(list, listSize * 2);
        }
        list[listSize++] = v;
      }
      mopListLen[m] = listSize - start;
    } else {
      long v = integer();
      if (v == Long.MIN_VALUE || v == Long.MIN_VALUE + 1) {
        return false;
      }
      mopValue[m] = v;
    }
    return ws() == ']' && ++pos > 0;
  }

  /** Skips whitespace within an op (the op is wholly buffered); -1 at the buffer's end. */
  private int ws() {
    final byte[] bb = buf;
    int p = pos;
    while (true) {
      byte c = bb[p];
      if (c == ' ' || c == ',') {
        p++;
      } else if (c == '\n') {
        line++;
        p++;
      } else if (c == '\t') {
        p++;
      } else if (c == '\r') {
        if (bb[p + 1] != '\n') {
          line++;
        }
        p++;
      } else if (c == ';') {
        while (p < lim && bb[p] != '\n' && bb[p] != '\r') {
          if (bb[p] < 0) {
            pos = p;
            return -1; // a comment's UTF-8 is the generic reader's to check
          }
          p++;
        }
      } else {
        pos = p;
        return p >= lim ? -1 : c; // a byte above 0x7F is negative: not plain, the caller falls back
      }
    }
  }

  private static final boolean[] DELIMITER = new boolean[256];

  static {
    for (char c : " ,\n\t\r}]){[(\";".toCharArray()) {
      DELIMITER[c] = true;
    }
    // Control bytes and bytes past ASCII end tokens; no scanning step accepts them, so they make the reader fall
    // back to the generic one, which says what is wrong with them.
    for (int c = 0; c < 0x20; c++) {
      DELIMITER[c] = true;
    }
    for (int c = 0x7f; c < 0x100; c++) {
      DELIMITER[c] = true;
    }
  }

  private static boolean delimiter(byte c) {
    return DELIMITER[c & 0xFF];
  }

  private boolean is(int start, int len, String s) {
    if (len != s.length()) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (buf[start + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Skips a token this reader can vouch for: a keyword, a plain integer, {@code nil}, {@code true} or {@code false}.
   * False for any other token (a float, a symbol, a damaged number such as {@code 0Inp}), for a delimiter, or at the
   * buffer's end: the generic reader then reads the file and says what is wrong, if anything (the fuzzer found this
   * reader skipping tokens the generic one refuses).
   */
  private boolean skipToken() {
    int start = pos;
    byte c = buf[pos];
    if (c == ':') {
      pos++;
      while (pos < lim && !delimiter(buf[pos])) {
        if (buf[pos] == '\\') {
          return false;
        }
        pos++;
      }
      return pos > start + 1 && pos < lim;
    }
    int p = c == '-' || c == '+' ? pos + 1 : pos;
    if (p < lim && buf[p] >= '0' && buf[p] <= '9') {
      while (p < lim && buf[p] >= '0' && buf[p] <= '9') {
        p++;
      }
      if (p >= lim || !delimiter(buf[p])) {
        return false;
      }
      pos = p;
      return true;
    }
    return word("nil") || word("true") || word("false");
  }

  /** Skips {@code w} when it is the whole token here. */
  private boolean word(String w) {
    int n = w.length();
    if (pos + n >= lim || !delimiter(buf[pos + n])) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (buf[pos + i] != w.charAt(i)) {
        return false;
      }
    }
    pos += n;
    return true;
  }

  /** Skips the token {@code nil}; false for any other token ({@code ni}, {@code nothing}). */
  private boolean nil() {
    return pos + 3 < lim && buf[pos] == 'n' && buf[pos + 1] == 'i' && buf[pos + 2] == 'l' && delimiter(buf[pos + 3])
        && (pos += 3) > 0;
  }

  /** An integer token, or Long.MIN_VALUE when the next token is not a plain long. */
  private long integer() {
    final byte[] bb = buf;
    int p = pos;
    boolean neg = false;
    byte c = bb[p];
    if (c == '-' || c == '+') {
      neg = c == '-';
      c = bb[++p];
    }
    int start = p;
    long v = 0;
    while (c >= '0' && c <= '9') {
      v = v * 10 + (c - '0');
      c = bb[++p];
    }
    int digits = p - start;
    if (digits == 0 || digits > 18 || p >= lim || !delimiter(c)) {
      return Long.MIN_VALUE;
    }
    pos = p;
    return neg ? -v : v;
  }

  /** {@code :type}'s keyword as an OpType ordinal, or -1. */
  private int opType() {
    int s = ++pos;
    while (pos < lim && !delimiter(buf[pos])) {
      pos++;
    }
    int l = pos - s;
    if (is(s, l, "invoke")) {
      return 0;
    }
    if (is(s, l, "ok")) {
      return 1;
    }
    if (is(s, l, "fail")) {
      return 2;
    }
    if (is(s, l, "info")) {
      return 3;
    }
    return -1;
  }

  /** A keyword at pos (which is at its ':'), or null when it has no name or the buffer ends in it. */
  private Keyword keyword() {
    int s = ++pos;
    while (pos < lim && !delimiter(buf[pos])) {
      pos++;
    }
    return pos == s || pos >= lim ? null : keywords.get(buf, s, pos - s);
  }

  /** Skips one EDN value of any kind; false when it cannot (a tag, or the buffer ends). */
  private boolean skipValue(int depth) {
    int c = ws();
    if (c < 0 || depth > 64) {
      return false;
    }
    if (c == '"') {
      pos++;
      while (pos < lim && buf[pos] != '"') {
        byte x = buf[pos];
        if (x == '\\') {
          pos++;
        } else if (x == '\n' || (x == '\r' && buf[pos + 1] != '\n')) {
          line++;
        } else if (x < 0) {
          return false; // UTF-8 is the generic reader's to check
        }
        pos++;
      }
      pos++;
      return pos <= lim;
    }
    if (c == '[' || c == '(' || c == '{') {
      byte close = (byte) (c == '[' ? ']' : c == '(' ? ')' : '}');
      pos++;
      while (true) {
        int d = ws();
        if (d < 0) {
          return false;
        }
        if (d == close) {
          pos++;
          return true;
        }
        if (!skipValue(depth + 1)) {
          return false;
        }
      }
    }
    if (c == '#') {
      if (pos + 1 < lim && buf[pos + 1] == '{') {
        pos++;
        return skipValue(depth);
      }
      return false;
    }
    if (c == '\\') {
      if (pos + 2 >= lim || buf[pos + 1] < 0x21) {
        return false;
      }
      pos += 2;
      while (pos < lim && !delimiter(buf[pos])) {
        pos++;
      }
      return pos < lim;
    }
    return skipToken();
  }

  /** Interns keywords from their bytes without making a String for ones already seen. */
  private static final class KeywordCache {
    private byte[][] names = new byte[64][];
    private Keyword[] kws = new Keyword[64];
    private int size;

    Keyword get(byte[] buf, int s, int l) {
      int h = 1;
      for (int i = 0; i < l; i++) {
        h = h * 31 + buf[s + i];
      }
      int mask = names.length - 1;
      int i = h & mask;
      while (names[i] != null) {
        byte[] n = names[i];
        if (n.length == l && Arrays.equals(n, 0, l, buf, s, s + l)) {
          return kws[i];
        }
        i = (i + 1) & mask;
      }
      byte[] name = Arrays.copyOfRange(buf, s, s + l);
      String text = new String(name, StandardCharsets.US_ASCII); // delimiters keep the name ASCII
      if (!Keyword.isValidName(text)) {
        return null;
      }
      Keyword k = Keyword.of(text);
      names[i] = name;
      kws[i] = k;
      if (++size * 2 > names.length) {
        grow();
      }
      return k;
    }

    private void grow() {
      byte[][] on = names;
      Keyword[] ok = kws;
      names = new byte[on.length * 2][];
      kws = new Keyword[on.length * 2];
      size = 0;
      for (int i = 0; i < on.length; i++) {
        if (on[i] != null) {
          int h = 1;
          for (byte x : on[i]) {
            h = h * 31 + x;
          }
          int j = h & (names.length - 1);
          while (names[j] != null) {
            j = (j + 1) & (names.length - 1);
          }
          names[j] = on[i];
          kws[j] = ok[i];
          size++;
        }
      }
    }
  }
}
