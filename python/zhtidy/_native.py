# SPDX-License-Identifier: MIT
"""libzhtidy through cffi in ABI mode: nothing is compiled for Python.

The declarations are read from the library's own header, which is copied
beside this file when the package is built or installed, so the binding
never disagrees with the library it loads.  cffi releases the GIL for the
length of every call into the library.
"""
import os
import re

import cffi

from . import _paths


def _declarations(header):
    """The header as cffi's cdef takes it: no comments, no preprocessor
    lines, no export macro, no extern "C" block."""
    with open(header, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    lines = [line for line in text.split("\n")
             if not line.lstrip().startswith("#") and 'extern "C"' not in line]
    text = "\n".join(lines).replace("ZHTIDY_API ", "")
    text = text.rstrip()
    # the brace that closed extern "C" is left alone on the last line
    return text[:-1] if text.endswith("\n}") else text


def _load(ffi):
    """The library: $ZHTIDY_LIBRARY, else the one this package was built or
    installed with, else the system's by its soname."""
    candidates = [os.environ.get("ZHTIDY_LIBRARY")]
    if os.path.isabs(_paths.LIBRARY):
        candidates.append(_paths.LIBRARY)
    else:
        candidates.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), _paths.LIBRARY))
    tried = []
    for path in candidates:
        if path and os.path.exists(path):
            return ffi.dlopen(path)
        if path:
            tried.append(path)
    try:
        return ffi.dlopen(_paths.SONAME)
    except OSError as e:
        raise ImportError("zhtidy: cannot load libzhtidy (tried %s and %s): %s"
                          % (", ".join(tried), _paths.SONAME, e)) from None


ffi = cffi.FFI()
ffi.cdef(_declarations(os.path.join(os.path.dirname(os.path.abspath(__file__)), "zhtidy.h")))
lib = _load(ffi)
# the library's own sink, so that writers fill a buffer without calling back
# into Python (and so without taking the GIL)
buffer_sink = ffi.addressof(lib, "zhtidy_buffer_sink")
