package dev.roleplan.report;

/** One output format. Renderers only format a finished report: no analysis, no I/O. */
public interface Renderer {

    String render(Report report);

    /**
     * Warms up what rendering needs (for the JSON formats, Jackson's serializers: a first write loads and
     * initialises their classes), so that a caller can do it on another thread while the input is read. The
     * renderer's mapper itself is built when the renderer is created. Renders nothing the user sees; optional.
     */
    default void prepare() {
    }

    /** {@link #prepare} for a renderer that writes a tree with {@code mapper}: one small tree written and dropped. */
    static void warmUp(com.fasterxml.jackson.databind.ObjectMapper mapper) {
        try {
            mapper.writeValueAsString(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                    .put("prepared", true));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // nothing to prepare then: render reports the problem if it is real
        }
    }
}
