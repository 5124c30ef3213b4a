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
    public static string AddModule(string module) => $$"""
        #define PY_SSIZE_T_CLEAN
        #include <Python.h>

        static PyObject *add(PyObject *self, PyObject *args)
        {
            long a, b;
            if (!PyArg_ParseTuple(args, "ll", &a, &b))
            {
                return NULL;
            }
            return PyLong_FromLong(a + b);
        }

        static PyMethodDef methods[] = {
            {"add", add, METH_VARARGS, "Adds two integers."},
            {NULL, NULL, 0, NULL},
        };

        static struct PyModuleDef definition = {PyModuleDef_HEAD_INIT, "{{module}}", NULL, -1, methods};

        PyMODINIT_FUNC PyInit_{{module}}(void)
        {
            return PyModule_Create(&definition);
        }

        """;

    /// <summary>An extension module <paramref name="module"/> whose <c>answer()</c> returns what the shared library's
    /// <paramref name="function"/> returns (so importing it needs the library).</summary>
    public static string ConsumerModule(string module, string function) => $$"""
        #define PY_SSIZE_T_CLEAN
        #include <Python.h>

        extern int {{function}}(void);

        static PyObject *answer(PyObject *self, PyObject *unused)
        {
            return PyLong_FromLong({{function}}());
        }

        static PyMethodDef methods[] = {
            {"answer", answer, METH_NOARGS, "Asks the shared library."},
            {NULL, NULL, 0, NULL},
        };

        static struct PyModuleDef definition = {PyModuleDef_HEAD_INIT, "{{module}}", NULL, -1, methods};

        PyMODINIT_FUNC PyInit_{{module}}(void)
        {
            return PyModule_Create(&definition);
        }

        """;
}
