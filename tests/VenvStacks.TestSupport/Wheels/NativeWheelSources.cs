namespace VenvStacks.TestSupport.Wheels;

/// <summary>The C sources of the native test wheels. They call nothing from libc, so the machine code needs no
/// glibc symbol newer than the manylinux tag the wheels carry.</summary>
internal static class NativeWheelSources
{
    /// <summary>A shared library exporting <c>int {function}(void)</c> returning <paramref name="value"/>.</summary>
    public static string Library(string function, int value) => $$"""
        __attribute__((visibility("default"))) int {{function}}(void)
        {
            return {{value}};
        }

        """;

    /// <summary>An extension module <paramref name="module"/> with <c>add(a, b)</c>.</summary>
    public static string AddModule(string module) => Module(module, "add", "METH_VARARGS", """
        long a, b;
        if (!PyArg_ParseTuple(args, "ll", &a, &b))
        {
            return NULL;
        }
        return PyLong_FromLong(a + b);
        """);

    /// <summary>An extension module <paramref name="module"/> whose <c>answer()</c> returns what the shared library's
    /// <paramref name="function"/> returns (so importing it needs the library).</summary>
    public static string ConsumerModule(string module, string function) =>
        $"extern int {function}(void);\n" + Module(module, "answer", "METH_NOARGS", $"return PyLong_FromLong({function}());");

    // A module with one function whose C body sees `self` and `args`.
    private static string Module(string module, string function, string flags, string body) => $$"""
        #define PY_SSIZE_T_CLEAN
        #include <Python.h>

        static PyObject *{{function}}(PyObject *self, PyObject *args)
        {
        {{body}}
        }

        static PyMethodDef methods[] = {
            {"{{function}}", {{function}}, {{flags}}, NULL},
            {NULL, NULL, 0, NULL},
        };

        static struct PyModuleDef definition = {PyModuleDef_HEAD_INIT, "{{module}}", NULL, -1, methods};

        PyMODINIT_FUNC PyInit_{{module}}(void)
        {
            return PyModule_Create(&definition);
        }

        """;
}
