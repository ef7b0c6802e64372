# SPDX-License-Identifier: MIT
"""The Python binding (python/zhtidy), run with Debian's python3 from the
build tree: the same bytes as the tools on every sample, metadata, blocks
and report, errors as zhtidy.Error subclasses with the library's message,
the GIL released while the library works, threads, and an installed copy
that runs outside the build tree.  Skips (77) only when cffi is missing.

usage: python_binding.py BUILD_DIR SOURCE_DIR
"""
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unittest

BUILD, SOURCE = (os.path.abspath(p) for p in sys.argv[1:3])
del sys.argv[1:3]
TOOLS = os.path.join(BUILD, "tools")
SAMPLES = sorted(glob.glob(os.path.join(SOURCE, "samples", "*.txt")))

if os.environ.get("ZHTIDY_SANITIZED"):
    print("SKIP: the library is built with AddressSanitizer (ZHTIDY_SANITIZE), which python3 "
          "cannot load: the Python binding was not tested")
    sys.exit(77)
try:
    import cffi  # noqa: F401
except ImportError:
    print("SKIP: python3-cffi is not installed (apt-get install python3-cffi): "
          "the Python binding was not tested")
    sys.exit(77)

sys.path.insert(0, os.path.join(BUILD, "python"))
os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
import zhtidy  # noqa: E402


def run(*args, **kw):
    return subprocess.run(args, check=True, stdout=subprocess.PIPE, **kw).stdout


class SameAsTools(unittest.TestCase):
    """clean(data, source=NAME).to_X() gives the bytes zhtidy-X NAME writes."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp()
        for f in SAMPLES:
            shutil.copy(f, cls.tmp)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_samples(self):
        self.assertTrue(SAMPLES)
        for path in SAMPLES:
            name = os.path.basename(path)
            stem = name[:-4]
            with self.subTest(sample=name):
                with open(path, "rb") as f:
                    doc = zhtidy.clean(f.read(), source=name)
                run(os.path.join(TOOLS, "zhtidy-docx"), name, cwd=self.tmp)
                run(os.path.join(TOOLS, "zhtidy-epub"), name, cwd=self.tmp)
                with open(os.path.join(self.tmp, stem + ".docx"), "rb") as f:
                    self.assertEqual(doc.to_docx(), f.read(), "DOCX differs from zhtidy-docx")
                with open(os.path.join(self.tmp, stem + ".epub"), "rb") as f:
                    self.assertEqual(doc.to_epub(), f.read(), "EPUB differs from zhtidy-epub")
                txt = run(os.path.join(TOOLS, "zhtidy-txt"), name, cwd=self.tmp)
                self.assertEqual(doc.to_text().encode(), txt)
                tree = run(os.path.join(TOOLS, "zhtidy-txt"), "--format", "tree", name, cwd=self.tmp)
                self.assertEqual(doc.to_text(tree=True).encode(), tree)
                js = run(os.path.join(TOOLS, "zhtidy"), "-t", "json", "-o", "-", name, cwd=self.tmp)
                self.assertEqual(doc.to_json().encode(), js)
                gbt = run(os.path.join(TOOLS, "zhtidy-docx"), "--style", "gbt9704", "--toc",
                          "--to-script", "tw", "--keep", "typography", name, "-o", "-", cwd=self.tmp)
                with open(path, "rb") as f:
                    again = zhtidy.clean(f.read(), source=name, to_script="tw", keep=["typography"])
                self.assertEqual(again.to_docx(style="gbt9704", toc=True), gbt)

    def test_meta_and_cover(self):
        """-M and --cover, which the tools take, through clean(meta=) and
        to_epub(cover=)."""
        import base64
        png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAA"
                               "AABJRU5ErkJggg==")
        cover = os.path.join(self.tmp, "cover.png")
        with open(cover, "wb") as f:
            f.write(png)
        name = os.path.basename(SAMPLES[1])
        out = run(os.path.join(TOOLS, "zhtidy-epub"), "--cover", cover, "-M", "author=某人", "--title", "题",
                  name, "-o", "-", cwd=self.tmp)
        with open(SAMPLES[1], "rb") as f:
            doc = zhtidy.clean(f.read(), source=name, meta={"author": "某人", "title": "题"})
        self.assertEqual((doc.title, doc.meta["author"]), ("题", "某人"))
        self.assertEqual(doc.to_epub(cover=png), out)
        with self.assertRaises(zhtidy.ArgumentError):
            doc.to_epub(cover=b"not an image")
        with self.assertRaises(zhtidy.ArgumentError):
            zhtidy.clean(b"x", meta={"colour": "blue"})

    def test_reference_doc(self):
        """--reference-doc through to_docx(reference_doc=): the same bytes;
        a file that is not a DOCX is refused, saying why."""
        name = os.path.basename(SAMPLES[1])
        ref = os.path.join(self.tmp, "ref.docx")
        run(os.path.join(TOOLS, "zhtidy-docx"), "--style", "gbt9704", name, "-o", ref, cwd=self.tmp)
        out = run(os.path.join(TOOLS, "zhtidy-docx"), "--reference-doc", ref, name, "-o", "-",
                  cwd=self.tmp)
        with open(SAMPLES[1], "rb") as f:
            doc = zhtidy.clean(f.read(), source=name)
        with open(ref, "rb") as f:
            self.assertEqual(doc.to_docx(reference_doc=f.read()), out)
        with self.assertRaises(zhtidy.ArgumentError) as e:
            doc.to_docx(reference_doc=b"not a zip")
        self.assertIn("not a zip archive", str(e.exception))

    def test_json_round_trip(self):
        with open(SAMPLES[0], "rb") as f:
            doc = zhtidy.clean(f.read(), source="a.txt")
        back = zhtidy.clean(doc.to_json(), source="a.json")
        self.assertEqual(back.to_docx(), doc.to_docx())
        self.assertEqual(back.blocks, doc.blocks)


class Tree(unittest.TestCase):
    def test_document(self):
        text = "當前位置：首頁\n管理辦法\n一、總則\n本辦法適用於全體員工，自發布之日起施行。\n"
        doc = zhtidy.clean(text, to_script="hans")
        self.assertEqual(doc.title, "管理办法")
        self.assertEqual(doc.lang, "zh-CN")
        self.assertEqual(doc.meta["encoding"], "UTF-8")
        kinds = [(b.kind, b.level, b.text, b.line) for b in doc.blocks]
        self.assertEqual(kinds, [("heading", 1, "一、总则", 3),
                                 ("paragraph", 0, "本办法适用于全体员工，自发布之日起施行。", 4)])
        first = doc.report[0]
        self.assertEqual((first.line, first.kind, first.text), (1, "remove", "當前位置：首頁"), doc.report)
        self.assertIn("script.convert", {c.rule for c in doc.report})
        for c in doc.report:
            self.assertIn(c.kind, ("remove", "replace", "insert", "flag"))
            self.assertIsInstance(c.line, int)
            self.assertIsInstance(c.new_text, str)
        self.assertEqual(doc.script_counts[0], 0)
        self.assertGreater(doc.script_counts[1], 0)
        self.assertTrue(doc.to_text().startswith("管理办法\n\n一、总则\n"))

    def test_table_and_html(self):
        page = ("<html><head><title>表格</title></head><body><article><h1>表格</h1>"
                "<p>下表列出了各项数据的说明，请仔细阅读。</p><table><tr><th>项目</th><th>数量</th></tr>"
                "<tr><td>甲</td><td>1</td></tr></table></article></body></html>")
        doc = zhtidy.clean(page.encode(), source="page.html")
        tables = [b for b in doc.blocks if b.kind == "table"]
        self.assertEqual(len(tables), 1, doc.blocks)
        self.assertEqual(tables[0].rows[0][0], zhtidy.Cell("项目", 1, 1, True))
        self.assertEqual(tables[0].rows[1][1].text, "1")

    def test_options(self):
        self.assertIn("typography.punct", zhtidy.rules())
        text = "他说:这是测试,真的.\n"
        self.assertNotEqual(zhtidy.clean(text).to_text(), zhtidy.clean(text, keep="typography").to_text())
        self.assertEqual(zhtidy.clean("简体中文的句子。", to_script="tw").blocks[0].text, "簡體中文的句子。")
        gbk = "这是一个用国标编码写成的句子。".encode("gb18030")
        self.assertEqual(zhtidy.clean(gbk, encoding="gb18030").blocks[0].text, "这是一个用国标编码写成的句子。")
        self.assertEqual(zhtidy.clean(gbk).meta["encoding"], "GB18030")
        self.assertEqual(zhtidy.clean(b"").blocks, [])
        self.assertEqual(zhtidy.clean(bytearray("一句话。".encode())).blocks[0].text, "一句话。")


class Errors(unittest.TestCase):
    def test_errors(self):
        with self.assertRaises(zhtidy.BinaryInputError) as e:
            zhtidy.clean(b"abc\0def", source="bin.txt")
        self.assertEqual(e.exception.message, "input contains NUL bytes; it is not a text file")
        self.assertEqual(str(e.exception), "bin.txt: " + e.exception.message)
        with self.assertRaises(zhtidy.JSONError) as e:
            zhtidy.clean(b'{"zhtidy": 1,\n "blocks": [,]}', kind="json")
        self.assertEqual((e.exception.line, e.exception.column), (2, 13))
        self.assertTrue(e.exception.message)
        with self.assertRaises(zhtidy.JSONError) as e:
            zhtidy.clean(b'{"zhtidy": 1, "blocks": [{"type": "heading", "level": 7, "text": "x"}]}',
                         source="t.json")
        self.assertIn("blocks[0].level: 7 is not between 1 and 4", e.exception.message)
        with self.assertRaises(zhtidy.ArgumentError) as e:
            zhtidy.clean(b"x", keep=["no.such.rule"])
        self.assertIn("no.such.rule", str(e.exception))
        with self.assertRaises(zhtidy.EncodingError):
            zhtidy.clean(b"x", encoding="latin-1")
        with self.assertRaises(ValueError):
            zhtidy.clean(b"x", to_script="klingon")
        with self.assertRaises(zhtidy.ArgumentError):
            zhtidy.clean(b"x").to_docx(style="fancy")
        for cls in (zhtidy.BinaryInputError, zhtidy.JSONError, zhtidy.ArgumentError,
                    zhtidy.EncodingError, zhtidy.NoMemoryError, zhtidy.TooBigError,
                    zhtidy.ReadError, zhtidy.WriteError, zhtidy.ConversionError):
            self.assertTrue(issubclass(cls, zhtidy.Error))


def read(path):
    with open(path, "rb") as f:
        return f.read()


def big_input():
    data = b"".join(read(f) for f in SAMPLES)
    return data * max(1, (8 << 20) // len(data))


class Threads(unittest.TestCase):
    def test_gil_released(self):
        """A long call into the library lets another Python thread run: the
        main thread's ticks have no gap as long as the call."""
        data = big_input()
        t0 = time.perf_counter()
        zhtidy.clean(data)
        alone = time.perf_counter() - t0
        ticks, done = [], threading.Event()

        def work():
            zhtidy.clean(data)
            done.set()
        th = threading.Thread(target=work)
        th.start()
        while not done.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)
        th.join()
        gaps = [b - a for a, b in zip(ticks, ticks[1:])]
        longest = max(gaps) if gaps else alone
        print("GIL: one call %.0f ms; the other thread ticked %d times, longest gap %.1f ms"
              % (alone * 1000, len(ticks), longest * 1000), file=sys.stderr)
        self.assertGreater(len(ticks), 10)
        self.assertLess(longest, alone / 2, "the GIL was held during the library call")

    def test_threads_same_bytes(self):
        from concurrent.futures import ThreadPoolExecutor
        datas = [read(f) for f in SAMPLES] * 3
        serial = [zhtidy.clean(d).to_docx() for d in datas]
        with ThreadPoolExecutor(2) as pool:
            threaded = list(pool.map(lambda d: zhtidy.clean(d).to_docx(), datas))
        self.assertEqual(serial, threaded)


class Installed(unittest.TestCase):
    def test_install(self):
        """cmake --install lays the package in a dist-packages directory of
        the prefix; it imports and finds the library there, from anywhere."""
        with tempfile.TemporaryDirectory() as tmp:
            prefix = os.path.join(tmp, "prefix")
            run("cmake", "--install", BUILD, "--prefix", prefix)
            found = glob.glob(os.path.join(prefix, "lib", "python3*", "dist-packages", "zhtidy",
                                           "__init__.py"))
            self.assertEqual(len(found), 1, "no zhtidy package under %s/lib/python3*/dist-packages"
                             % prefix)
            env = dict(os.environ, PYTHONPATH=os.path.dirname(os.path.dirname(found[0])))
            env.pop("LD_LIBRARY_PATH", None)
            out = run(sys.executable, "-c",
                      "import zhtidy; print(zhtidy.__file__); print(zhtidy.clean('一句话。').to_text());"
                      "print([l.split()[-1] for l in open('/proc/self/maps') if 'libzhtidy' in l][0])",
                      cwd=tmp, env=env).decode()
            self.assertTrue(out.startswith(prefix), out)
            self.assertIn("一句话。", out)
            self.assertTrue(out.rstrip().split("\n")[-1].startswith(prefix), "library loaded: " + out)


if __name__ == "__main__":
    unittest.main(verbosity=2)
