package dev.roleplan.report;

/** One output format. Renderers only format a finished report: no analysis, no I/O. */
public interface Renderer {

    String render(Report report);
}
