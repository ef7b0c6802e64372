# SPDX-License-Identifier: MIT
"""zhtidy: repair Chinese text scraped from document-sharing sites, and write
it as plain text, JSON, DOCX or EPUB.

    import zhtidy
    doc = zhtidy.clean(open("scraped.txt", "rb").read(), source="scraped.txt")
    doc.title, doc.lang, doc.blocks, doc.report
    open("scraped.docx", "wb").write(doc.to_docx())

A thin layer over libzhtidy (loaded with cffi): the same input and options
give the same bytes as the command-line tools.  The GIL is released while the
library works, so documents cleaned in several threads use several cores.
Failures raise zhtidy.Error subclasses that carry the library's message.
"""
import collections
import os

from ._native import buffer_sink as _sink, ffi as _ffi, lib as _lib

__all__ = ["clean", "rules", "Document", "Block", "Cell", "Change", "Error", "NoMemoryError",
           "ReadError", "BinaryInputError", "EncodingError", "ArgumentError", "ConversionError",
           "TooBigError", "JSONError", "WriteError"]

__version__ = _ffi.string(_lib.zhtidy_version()).decode()

# ---- errors ---------------------------------------------------------------


class Error(Exception):
    """A failure of the library: MESSAGE is its message, STATUS its
    zhtidy_status (a negative number), LINE and COLUMN where in the input
    (0 when unknown), SOURCE the name given to clean()."""

    def __init__(self, message, status=None, line=0, column=0, source=None):
        self.message, self.status = message, status
        self.line, self.column, self.source = line, column, source
        where = source or ""
        if line:
            where += ":%d:%d" % (line, column) if where else "line %d, column %d" % (line, column)
        super().__init__("%s: %s" % (where, message) if where else message)


class NoMemoryError(Error, MemoryError):
    """The library ran out of memory."""


class ReadError(Error):
    """The input could not be read."""


class BinaryInputError(Error):
    """The input holds NUL bytes: it is not text."""


class EncodingError(Error, ValueError):
    """An encoding the library does not take."""


class ArgumentError(Error, ValueError):
    """A bad argument: an unknown rule, script or option."""


class ConversionError(Error):
    """OpenCC could not load or convert."""


class TooBigError(Error):
    """The input is larger than the library reads (1 GiB)."""


class JSONError(Error):
    """A JSON tree that cannot be read; LINE and COLUMN say where."""


class WriteError(Error):
    """A writer could not produce its output."""


_errors = {
    _lib.ZHTIDY_ERR_NOMEM: NoMemoryError,
    _lib.ZHTIDY_ERR_IO: ReadError,
    _lib.ZHTIDY_ERR_BINARY: BinaryInputError,
    _lib.ZHTIDY_ERR_ENCODING: EncodingError,
    _lib.ZHTIDY_ERR_ARG: ArgumentError,
    _lib.ZHTIDY_ERR_OPENCC: ConversionError,
    _lib.ZHTIDY_ERR_TOO_BIG: TooBigError,
    _lib.ZHTIDY_ERR_JSON: JSONError,
    _lib.ZHTIDY_ERR_WRITE: WriteError,
}


def _str(p):
    return _ffi.string(p).decode("utf-8", "replace") if p != _ffi.NULL else ""


def _raise(status, err=None, source=None, detail=None):
    """Raise the Error subclass of STATUS, with the message the library put
    in ERR, else its message for the status (and DETAIL)."""
    message = _str(err.message) if err is not None and err.message[0] != b"\0" else ""
    line = column = 0
    if message:
        line, column = err.line, err.column
    else:
        message = _str(_lib.zhtidy_strerror(status))
        if detail:
            message += ": " + detail
    raise _errors.get(status, Error)(message, status, line, column, source)


# ---- options --------------------------------------------------------------

_scripts = {None: _lib.ZHTIDY_SCRIPT_KEEP, "keep": _lib.ZHTIDY_SCRIPT_KEEP,
            "hans": _lib.ZHTIDY_SCRIPT_HANS, "hant": _lib.ZHTIDY_SCRIPT_HANT,
            "tw": _lib.ZHTIDY_SCRIPT_TW, "hk": _lib.ZHTIDY_SCRIPT_HK}
_kinds = {None: _lib.ZHTIDY_INPUT_AUTO, "auto": _lib.ZHTIDY_INPUT_AUTO,
          "text": _lib.ZHTIDY_INPUT_TEXT, "html": _lib.ZHTIDY_INPUT_HTML,
          "json": _lib.ZHTIDY_INPUT_JSON}


def _options(to_script, keep, encoding, kind, phrases, space_latin, drop_truncated, meta):
    if to_script not in _scripts:
        raise ArgumentError("to_script takes keep, hans, hant, tw or hk, not %r" % (to_script,),
                            _lib.ZHTIDY_ERR_ARG)
    if kind not in _kinds:
        raise ArgumentError("kind takes auto, text, html or json, not %r" % (kind,),
                            _lib.ZHTIDY_ERR_ARG)
    if isinstance(keep, str):
        keep = (keep,)
    opts = _lib.zhtidy_options_new()
    if opts == _ffi.NULL:
        raise NoMemoryError(_str(_lib.zhtidy_strerror(_lib.ZHTIDY_ERR_NOMEM)),
                            _lib.ZHTIDY_ERR_NOMEM)
    opts = _ffi.gc(opts, _lib.zhtidy_options_free)
    _lib.zhtidy_options_set_script(opts, _scripts[to_script])
    _lib.zhtidy_options_set_input(opts, _kinds[kind])
    _lib.zhtidy_options_set_flags(opts, (_lib.ZHTIDY_PHRASES if phrases else 0) |
                                  (_lib.ZHTIDY_SPACE_LATIN if space_latin else 0) |
                                  (_lib.ZHTIDY_DROP_TRUNCATED if drop_truncated else 0))
    if encoding is not None:
        st = _lib.zhtidy_options_set_encoding(opts, encoding.encode())
        if st:
            _raise(st, detail="'%s'" % encoding)
    for rule in keep:
        st = _lib.zhtidy_options_keep(opts, rule.encode())
        if st:
            _raise(st, detail="no rule or pass is named '%s'" % rule)
    for name, value in (meta or {}).items():
        key = _lib.zhtidy_meta_key(name.encode())
        if key == _lib.ZHTIDY_META_COUNT:
            raise ArgumentError("no metadata key is named %r" % (name,), _lib.ZHTIDY_ERR_ARG)
        st = _lib.zhtidy_options_set_meta(opts, key, _ffi.NULL if value is None else value.encode())
        if st:
            _raise(st, detail="%s=%r" % (name, value))
    return opts


def rules():
    """Every rule's name and its one-line description, in the order the
    passes run."""
    out, i = {}, 0
    while True:
        name = _lib.zhtidy_rule_name(i)
        if name == _ffi.NULL:
            return out
        out[_str(name)] = _str(_lib.zhtidy_rule_help(name))
        i += 1


# ---- documents ------------------------------------------------------------

Block = collections.namedtuple("Block", "kind level text line ordered rows")
Block.__doc__ = """A block of the tree: KIND is paragraph, heading, list_item, table or
code; LEVEL the heading level (1-4) or list depth (1-8), else 0; TEXT its
text ("" for a table); LINE the input line it came from (0 when unknown);
ORDERED whether a list item is numbered; ROWS a table's rows of Cells, else
None."""
Cell = collections.namedtuple("Cell", "text colspan rowspan header")
Change = collections.namedtuple("Change", "rule line kind text new_text why")
Change.__doc__ = """One change the cleaner made: RULE its name, LINE the input line (0 for
the document), KIND remove, replace, insert or flag, TEXT what was removed,
replaced or flagged, NEW_TEXT what replaced or was inserted, WHY what
decided it (for some rules)."""

_block_kinds = {_lib.ZHTIDY_PARAGRAPH: "paragraph", _lib.ZHTIDY_HEADING: "heading",
                _lib.ZHTIDY_LIST_ITEM: "list_item", _lib.ZHTIDY_TABLE: "table",
                _lib.ZHTIDY_CODE: "code"}
_change_kinds = {_lib.ZHTIDY_CHANGE_REMOVE: "remove", _lib.ZHTIDY_CHANGE_REPLACE: "replace",
                 _lib.ZHTIDY_CHANGE_INSERT: "insert", _lib.ZHTIDY_CHANGE_FLAG: "flag"}


def _bytes_of(p, n):
    return _ffi.unpack(p, n).decode("utf-8", "replace") if n else ""


class Document:
    """A cleaned document: metadata, blocks and the report of every change.
    Made by clean(); the library's tree is freed with the object."""

    def __init__(self, doc, source=None):
        self._doc = _ffi.gc(doc, _lib.zhtidy_doc_free)
        self._source = source
        self._blocks = self._report = None

    def _meta(self, key):
        v = _lib.zhtidy_doc_meta(self._doc, key)
        return _str(v) if v != _ffi.NULL else None

    @property
    def title(self):
        """The title, or None."""
        return self._meta(_lib.ZHTIDY_META_TITLE)

    @property
    def lang(self):
        """The language tag (zh-CN, zh-TW, zh-HK, zh-Hans, zh-Hant), or None."""
        return self._meta(_lib.ZHTIDY_META_LANG)

    @property
    def meta(self):
        """Every metadata item that is set: title, lang, keywords, source,
        category, encoding, author, date, description."""
        out = {}
        for key in range(_lib.ZHTIDY_META_COUNT):
            v = self._meta(key)
            if v is not None:
                out[_str(_lib.zhtidy_meta_name(key))] = v
        return out

    @property
    def script_counts(self):
        """(Simplified-only, Traditional-only) characters, counted before any
        conversion."""
        hans, hant = _ffi.new("size_t *"), _ffi.new("size_t *")
        _lib.zhtidy_doc_script_counts(self._doc, hans, hant)
        return hans[0], hant[0]

    def _table(self, i):
        header = _ffi.new("size_t *")
        n = _ffi.new("size_t *")
        rows = []
        for r in range(_lib.zhtidy_doc_table_rows(self._doc, i, header)):
            cells = _lib.zhtidy_doc_table_row(self._doc, i, r, n)
            rows.append([Cell(_bytes_of(c.text, c.len), c.colspan, c.rowspan, bool(c.header))
                         for c in (cells[k] for k in range(n[0]))])
        return rows

    @property
    def blocks(self):
        """The blocks, in order, as Block tuples."""
        if self._blocks is None:
            d, n = self._doc, _ffi.new("size_t *")
            out = []
            for i in range(_lib.zhtidy_doc_block_count(d)):
                kind = _lib.zhtidy_doc_block_type(d, i)
                text = _lib.zhtidy_doc_block_text(d, i, n)
                out.append(Block(_block_kinds.get(kind, str(kind)), _lib.zhtidy_doc_block_level(d, i),
                                 _bytes_of(text, n[0]), _lib.zhtidy_doc_block_line(d, i),
                                 bool(_lib.zhtidy_doc_block_flags(d, i) & _lib.ZHTIDY_BLOCK_ORDERED),
                                 self._table(i) if kind == _lib.ZHTIDY_TABLE else None))
            self._blocks = out
        return self._blocks

    @property
    def report(self):
        """Every change, in order, as Change tuples."""
        if self._report is None:
            rep = _lib.zhtidy_doc_report(self._doc)
            c = _ffi.new("zhtidy_change *")
            out = []
            for i in range(_lib.zhtidy_report_count(rep)):
                if _lib.zhtidy_report_get(rep, i, c) == 0:
                    out.append(Change(_str(c.rule), c.line, _change_kinds.get(c.kind, str(c.kind)),
                                      _str(c.text), _str(c.new_text), _str(c.why)))
            self._report = out
        return self._report

    def _write(self, writer, opts):
        buf = _ffi.new("zhtidy_buffer *")
        try:
            st = writer(self._doc, opts, _sink, buf)
            if st:
                _raise(st, source=self._source)
            return _ffi.buffer(buf.data, buf.len)[:] if buf.data != _ffi.NULL else b""
        finally:
            _lib.zhtidy_free(buf.data)

    def to_text(self, *, tree=False):
        """Plain text: the title, a blank line, the blocks with blank lines
        between them; with TREE, the tree dump (one line a block)."""
        o = _ffi.new("zhtidy_txt_options *")
        _lib.zhtidy_txt_options_init(o)
        o.tree = bool(tree)
        return self._write(_lib.zhtidy_write_txt, o).decode("utf-8")

    def to_json(self, *, report=True):
        """The tree as JSON (zhtidy-json(5)), with the report unless REPORT
        is false; clean() reads it back with kind="json"."""
        o = _ffi.new("zhtidy_json_options *")
        _lib.zhtidy_json_options_init(o)
        o.report = bool(report)
        return self._write(_lib.zhtidy_write_json, o).decode("utf-8")

    def to_docx(self, *, style="plain", toc=None, epoch=None, reference_doc=None):
        """A Word document's bytes.  STYLE plain or gbt9704; TOC None
        (automatic: three headings or more), True or False; EPOCH the time
        written into the package (default: SOURCE_DATE_EPOCH, else
        1980-01-01); REFERENCE_DOC the bytes of a .docx whose styles and
        page set-up are taken, as zhtidy-docx --reference-doc does."""
        if style not in ("plain", "gbt9704"):
            raise ArgumentError("style takes plain or gbt9704, not %r" % (style,),
                                _lib.ZHTIDY_ERR_ARG)
        o = _ffi.new("zhtidy_docx_options *")
        _lib.zhtidy_docx_options_init(o)
        o.style = _lib.ZHTIDY_DOCX_GBT9704 if style == "gbt9704" else _lib.ZHTIDY_DOCX_PLAIN
        o.toc = -1 if toc is None else int(bool(toc))
        if epoch is not None:
            o.epoch = int(epoch)
        if reference_doc is not None:
            ref = _ffi.from_buffer(reference_doc)  # kept alive until the write returns
            why = _lib.zhtidy_docx_reference_error(ref, len(ref))
            if why != _ffi.NULL:
                raise ArgumentError("reference_doc: " + _ffi.string(why).decode(),
                                    _lib.ZHTIDY_ERR_ARG)
            o.reference_doc, o.reference_doc_len = ref, len(ref)
        return self._write(_lib.zhtidy_write_docx, o)

    def to_epub(self, *, vertical=False, epoch=None, cover=None):
        """An EPUB 3 book's bytes; VERTICAL for vertical writing, EPOCH as
        for to_docx(), COVER the bytes of a PNG, JPEG or GIF image."""
        o = _ffi.new("zhtidy_epub_options *")
        _lib.zhtidy_epub_options_init(o)
        o.vertical = bool(vertical)
        if epoch is not None:
            o.epoch = int(epoch)
        image = None
        if cover is not None:
            image = _ffi.from_buffer(cover)  # kept alive until the write returns
            if _lib.zhtidy_cover_type(image, len(image)) == _ffi.NULL:
                raise ArgumentError("the cover is not a PNG, JPEG or GIF image", _lib.ZHTIDY_ERR_ARG)
            o.cover, o.cover_len = image, len(image)
        return self._write(_lib.zhtidy_write_epub, o)

    def __repr__(self):
        return "<zhtidy.Document %r, %d blocks>" % (self.title, len(self.blocks))


def clean(data, *, to_script=None, keep=(), encoding=None, source=None, kind=None,
          phrases=False, space_latin=False, drop_truncated=False, meta=None):
    """Read and repair DATA, the bytes of scraped text, a saved web page or a
    JSON tree (a str is taken as UTF-8), into a Document.

    TO_SCRIPT: None or keep, hans, hant, tw, hk.  KEEP: rule or pass names
    to leave switched off.  ENCODING: None (detected) or a name the library
    takes (utf-8, gb18030, big5, utf-16 ...).  SOURCE: the input's name, for
    the metadata and, by its extension, its kind.  KIND: None (auto), text,
    html or json.  PHRASES, SPACE_LATIN, DROP_TRUNCATED: as the tools'
    --phrases, --space-latin and --drop-truncated.  META: metadata set over
    what the cleaner found, as the tools' -M KEY=VALUE ({"title": ...,
    "author": ..., "date": ...}; "" clears a key)."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
        if encoding is None:
            encoding = "utf-8"
    opts = _options(to_script, keep, encoding, kind, phrases, space_latin, drop_truncated, meta)
    name = None
    if source is not None:
        source = os.fspath(source)
        name = source if isinstance(source, bytes) else source.encode("utf-8", "surrogateescape")
        source = os.fsdecode(source)
    buf = _ffi.from_buffer(data)
    docp = _ffi.new("zhtidy_doc **")
    err = _ffi.new("zhtidy_error *")
    st = _lib.zhtidy_read(buf, len(buf), name if name is not None else _ffi.NULL, opts, docp, err)
    if st:
        _raise(st, err, source)
    return Document(docp[0], source)
