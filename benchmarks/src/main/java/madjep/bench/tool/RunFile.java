package madjep.bench.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One recorded run as JSON: {@code format}, {@code suite}, {@code date}, {@code commit}, {@code machine},
 * {@code jdk}, {@code load}, {@code command}, and {@code results}, a list of JMH's own result objects (one per
 * benchmark and parameters, the forks' iterations in {@code primaryMetric.rawData}) to which {@code source}
 * ({@code jmh} or {@code process}) and {@code load} (the load average when each fork started) are added. Whole-process
 * figures (cold starts) take the same shape, one fork per process.
 */
final class RunFile {
  static final String FORMAT = "madjep-bench-run/1";
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  final ObjectNode root;

  RunFile(ObjectNode root) {
    this.root = root;
  }

  /** An empty run with its metadata. */
  static RunFile start(String suite, String command, Environment env) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("suite", suite);
    root.put("date", env.date());
    root.put("commit", env.commit());
    root.put("dirty", env.dirty());
    root.set("machine", env.machine());
    root.set("jdk", env.jdk());
    ObjectNode load = root.putObject("load");
    load.set("before", env.loadArray());
    root.put("command", command);
    root.putArray("results");
    return new RunFile(root);
  }

  static RunFile read(Path file) throws IOException {
    JsonNode node;
    try {
      node = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(file + ": not a JSON run file: " + e.getMessage(), e);
    }
    if (!(node instanceof ObjectNode o) || !FORMAT.equals(o.path("format").asText())) {
      throw new IOException(file + ": expected a run file of format " + FORMAT);
    }
    return new RunFile(o);
  }

  /** Writes the file whole (temporary file, then rename), so that a killed run leaves no half-written file. */
  void write(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".run-", ".json.tmp");
    try {
      JSON.writeValue(tmp.toFile(), root);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  ArrayNode results() {
    return (ArrayNode) root.get("results");
  }

  String describe() {
    JsonNode m = root.path("machine");
    return root.path("suite").asText() + " run of " + root.path("commit").asText()
        + (root.path("dirty").asBoolean() ? "+dirty" : "") + " on " + root.path("date").asText() + ", "
        + m.path("cpu").asText() + " x" + m.path("cores").asInt() + ", JDK " + root.path("jdk").path("version").asText()
        + ", load " + root.path("load").path("before").path(0).asText() + " -> "
        + root.path("load").path("after").path(0).asText();
  }

  /** Every result as samples, keyed by {@link Measurement#key()}, in file order. */
  Map<String, Measurement> measurements() {
    Map<String, Measurement> out = new LinkedHashMap<>();
    for (JsonNode r : results()) {
      Measurement m = measurement(r);
      out.put(m.key(), m);
    }
    return out;
  }

  static Measurement measurement(JsonNode r) {
    Map<String, String> params = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : r.path("params").properties()) {
      params.put(e.getKey(), e.getValue().asText());
    }
    JsonNode pm = r.path("primaryMetric");
    List<double[]> forks = new ArrayList<>();
    for (JsonNode fork : pm.path("rawData")) {
      double[] f = new double[fork.size()];
      for (int i = 0; i < f.length; i++) {
        f[i] = fork.get(i).asDouble();
      }
      forks.add(f);
    }
    return new Measurement(r.path("benchmark").asText(), params, r.path("mode").asText(),
        pm.path("scoreUnit").asText(), forks.toArray(new double[0][]));
  }
}
