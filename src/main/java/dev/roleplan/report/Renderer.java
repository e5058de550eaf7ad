package dev.roleplan.report;

/** One output format. Renderers only format a finished report: no analysis, no I/O. */
public interface Renderer {

    String render(Report report);

    /**
     * Loads and initialises what rendering needs (e.g. Jackson's ObjectMapper: tens of ms of class
     * initialisation), so that a caller can do it on an idle core while the input is read. Renders nothing
     * the user sees; optional.
     */
    default void prepare() {
    }
}
