package dev.roleplan.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small GitHub on loopback that behaves like the parts of the REST and GraphQL APIs the publisher uses:
 * token check, GET /user (403 for an installation token, like the Actions GITHUB_TOKEN), issue comments
 * with pagination by {@code Link} headers, create/update/delete, GraphQL viewer, nodes and minimizeComment.
 * Tests can make writes forbidden (a fork's read-only token) and queue one-off responses (502, 429, secondary
 * rate limits) in front of the normal behaviour. Every request is recorded for exact assertions.
 */
final class FakeGitHub implements AutoCloseable {

  static final String REPO = "octo/infra";
  static final int PR = 7;

  /** One request as the server saw it. */
  record Request(String method, String target, String body, String authorization) {
    @Override
    public String toString() {
      return method + " " + target;
    }
  }

  static final class Comment {
    final long id;
    final String login;
    final String type;
    String body;

    Comment(long id, String login, String type, String body) {
      this.id = id;
      this.login = login;
      this.type = type;
      this.body = body;
    }

    String nodeId() {
      return "IC_node" + id;
    }
  }

  private record Canned(String method, Pattern target, int status, Map<String, String> headers, String body) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LIST = Pattern.compile("/repos/([^/]+/[^/]+)/issues/(\\d+)/comments");
  private static final Pattern ONE = Pattern.compile("/repos/([^/]+/[^/]+)/issues/comments/(\\d+)");

  private final HttpServer server;
  private final String prefix;
  private final String graphqlPath;
  private final String token;
  private final List<Request> requests = new ArrayList<>();
  private final List<Comment> comments = new ArrayList<>();
  private final Set<String> minimized = new TreeSet<>();
  private final Deque<Canned> canned = new ArrayDeque<>();
  private long nextId = 1000;

  /** Logged-in account of the token; with {@code installationToken} GET /user is 403 and this is a Bot. */
  String tokenLogin = "roleplan-bot";
  boolean installationToken = false;
  boolean writesForbidden = false;
  int pageSize = 100;
  /** When set, the Link header's next URL points at this origin instead of the fake itself. */
  String nextLinkOrigin = null;

  FakeGitHub(String token) throws IOException {
    this(token, "", "/graphql");
  }

  /** {@code prefix} "/api/v3" and graphqlPath "/api/graphql" imitate GitHub Enterprise Server. */
  FakeGitHub(String token, String prefix, String graphqlPath) throws IOException {
    this.token = token;
    this.prefix = prefix;
    this.graphqlPath = graphqlPath;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI apiUrl() {
    return URI.create(origin() + prefix);
  }

  URI graphqlUrl() {
    return URI.create(origin() + graphqlPath);
  }

  String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  Comment addComment(String login, String type, String body) {
    Comment comment = new Comment(nextId++, login, type, body);
    synchronized (this) {
      comments.add(comment);
    }
    return comment;
  }

  synchronized List<Comment> comments() {
    return List.copyOf(comments);
  }

  synchronized Comment comment(long id) {
    return comments.stream().filter(c -> c.id == id).findFirst().orElse(null);
  }

  synchronized Set<String> minimized() {
    return Set.copyOf(minimized);
  }

  synchronized void markMinimized(String nodeId) {
    minimized.add(nodeId);
  }

  /** The requests received, as "METHOD target" lines (target without the origin, with the query). */
  synchronized List<String> requestLines() {
    return requests.stream().map(Request::toString).toList();
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The next request matching method and target (a regex over path and query) gets this response, once. */
  synchronized void enqueue(String method, String targetRegex, int status, Map<String, String> headers, String body) {
    canned.add(new Canned(method, Pattern.compile(targetRegex), status, headers, body));
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    URI uri = exchange.getRequestURI();
    String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    synchronized (this) {
      requests.add(new Request(method, target, body, authorization));
      Canned first = canned.stream()
          .filter(c -> c.method.equals(method) && c.target.matcher(target).matches())
          .findFirst().orElse(null);
      if (first != null) {
        canned.remove(first);
        first.headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        respond(exchange, first.status, first.body);
        return;
      }
      if (!("Bearer " + token).equals(authorization)) {
        respond(exchange, 401, "{\"message\":\"Bad credentials\"}");
        return;
      }
      if (method.equals("POST") && uri.getRawPath().equals(graphqlPath)) {
        graphql(exchange, JSON.readTree(body));
        return;
      }
      if (!uri.getRawPath().startsWith(prefix)) {
        respond(exchange, 404, "{\"message\":\"Not Found\"}");
        return;
      }
      rest(exchange, method, uri.getRawPath().substring(prefix.length()), uri.getRawQuery(), body);
    }
  }

  private void rest(HttpExchange exchange, String method, String path, String query, String body) throws IOException {
    if (path.equals("/user") && method.equals("GET")) {
      if (installationToken) {
        respond(exchange, 403, "{\"message\":\"Resource not accessible by integration\"}");
      } else {
        respond(exchange, 200, JSON.createObjectNode().put("login", tokenLogin).put("type", "User").toString());
      }
      return;
    }
    boolean write = !method.equals("GET");
    if (write && writesForbidden) {
      respond(exchange, 403, "{\"message\":\"Resource not accessible by integration\","
          + "\"documentation_url\":\"https://docs.github.com/rest/issues/comments\"}");
      return;
    }
    Matcher list = LIST.matcher(path);
    if (list.matches() && list.group(1).equals(REPO) && Integer.parseInt(list.group(2)) == PR) {
      if (method.equals("GET")) {
        listPage(exchange, path, query);
      } else if (method.equals("POST")) {
        Comment created = addComment(tokenLogin, installationToken ? "Bot" : "User", JSON.readTree(body).get("body").asText());
        respond(exchange, 201, toJson(created).toString());
      } else {
        respond(exchange, 405, "{\"message\":\"Method Not Allowed\"}");
      }
      return;
    }
    Matcher one = ONE.matcher(path);
    if (one.matches() && one.group(1).equals(REPO) && comment(Long.parseLong(one.group(2))) != null) {
      Comment comment = comment(Long.parseLong(one.group(2)));
      if (method.equals("PATCH")) {
        comment.body = JSON.readTree(body).get("body").asText();
        respond(exchange, 200, toJson(comment).toString());
      } else if (method.equals("DELETE")) {
        comments.remove(comment);
        respond(exchange, 204, null);
      } else {
        respond(exchange, 405, "{\"message\":\"Method Not Allowed\"}");
      }
      return;
    }
    respond(exchange, 404, "{\"message\":\"Not Found\"}");
  }

  private void listPage(HttpExchange exchange, String path, String query) throws IOException {
    int page = 1;
    for (String part : query == null ? new String[0] : query.split("&")) {
      if (part.startsWith("page=")) {
        page = Integer.parseInt(part.substring(5));
      }
    }
    int from = Math.min((page - 1) * pageSize, comments.size());
    int to = Math.min(from + pageSize, comments.size());
    ArrayNode array = JSON.createArrayNode();
    comments.subList(from, to).forEach(c -> array.add(toJson(c)));
    int lastPage = Math.max(1, (comments.size() + pageSize - 1) / pageSize);
    if (page < lastPage) {
      String base = (nextLinkOrigin == null ? origin() : nextLinkOrigin) + prefix + path + "?per_page=100&page=";
      exchange.getResponseHeaders().add(
          "Link", "<" + base + (page + 1) + ">; rel=\"next\", <" + base + lastPage + ">; rel=\"last\"");
    }
    respond(exchange, 200, array.toString());
  }

  private void graphql(HttpExchange exchange, JsonNode request) throws IOException {
    String query = request.path("query").asText();
    JsonNode variables = request.path("variables");
    ObjectNode data = JSON.createObjectNode();
    if (query.contains("viewer")) {
      data.putObject("viewer").put("login", tokenLogin);
    } else if (query.contains("minimizeComment")) {
      if (writesForbidden) {
        respond(exchange, 200, "{\"data\":{\"minimizeComment\":null},\"errors\":[{\"type\":\"FORBIDDEN\","
            + "\"message\":\"Resource not accessible by integration\"}]}");
        return;
      }
      if (!query.contains("classifier: OUTDATED")) {
        respond(exchange, 200, "{\"errors\":[{\"message\":\"expected classifier OUTDATED\"}]}");
        return;
      }
      minimized.add(variables.path("id").asText());
      data.putObject("minimizeComment").putObject("minimizedComment").put("isMinimized", true);
    } else if (query.contains("nodes(")) {
      ArrayNode nodes = data.putArray("nodes");
      for (JsonNode id : variables.path("ids")) {
        nodes.addObject().put("id", id.asText()).put("isMinimized", minimized.contains(id.asText()));
      }
    } else {
      respond(exchange, 200, "{\"errors\":[{\"message\":\"unknown query\"}]}");
      return;
    }
    ObjectNode answer = JSON.createObjectNode();
    answer.set("data", data);
    respond(exchange, 200, answer.toString());
  }

  private ObjectNode toJson(Comment comment) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", comment.id);
    node.put("node_id", comment.nodeId());
    node.put("html_url", "https://github.com/" + REPO + "/pull/" + PR + "#issuecomment-" + comment.id);
    node.putObject("user").put("login", comment.login).put("type", comment.type);
    node.put("body", comment.body);
    return node;
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static Map<String, String> headers(String... namesAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }
}
