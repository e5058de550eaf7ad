package dev.roleplan.input.hcl;

import java.util.HashMap;
import java.util.Map;

/** The names an expression can see: {@code var}, {@code local}, resources, {@code each}, for-expression variables. */
interface Scope {

    /** Marks a name the scope does not define. */
    Object UNDEFINED = new Object() {
        @Override
        public String toString() {
            return "undefined";
        }
    };

    /** The value of a root name, or {@link #UNDEFINED}. */
    Object root(String name);

    /** Where relative paths ({@code file()}, {@code templatefile()}) start and what they may not leave. */
    ModuleFiles files();

    /** This scope with more names (for-expression and dynamic-block variables, template variables). */
    default Scope with(Map<String, Object> names) {
        Scope parent = this;
        Map<String, Object> own = new HashMap<>(names);
        return new Scope() {
            @Override
            public Object root(String name) {
                return own.containsKey(name) ? own.get(name) : parent.root(name);
            }

            @Override
            public ModuleFiles files() {
                return parent.files();
            }
        };
    }

    /** A scope holding only these names (a template file sees only its variables). */
    static Scope only(Map<String, Object> names, ModuleFiles files) {
        Map<String, Object> own = new HashMap<>(names);
        return new Scope() {
            @Override
            public Object root(String name) {
                return own.containsKey(name) ? own.get(name) : UNDEFINED;
            }

            @Override
            public ModuleFiles files() {
                return files;
            }
        };
    }
}
