"""A minimal, safe reader (and tiny writer) of Java object serialization streams.

Only what JCEKS secret keys need: objects, class descriptors, strings, arrays,
enums, references, null and block data. Nothing is ever instantiated or run;
values come back as plain Python data. Malformed input raises CorruptData.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Union

from keymon.core.errors import CorruptData
from keymon.core.formats.mutf8 import decode_modified_utf8, write_utf

STREAM_MAGIC = 0xACED
STREAM_VERSION = 5
BASE_HANDLE = 0x7E0000
MAX_DEPTH = 32

TC_NULL, TC_REFERENCE, TC_CLASSDESC, TC_OBJECT = 0x70, 0x71, 0x72, 0x73
TC_STRING, TC_ARRAY, TC_CLASS, TC_BLOCKDATA = 0x74, 0x75, 0x76, 0x77
TC_ENDBLOCKDATA, TC_BLOCKDATALONG, TC_LONGSTRING = 0x78, 0x7A, 0x7C
TC_PROXYCLASSDESC, TC_ENUM = 0x7D, 0x7E

SC_WRITE_METHOD, SC_SERIALIZABLE, SC_EXTERNALIZABLE = 0x01, 0x02, 0x04
SC_BLOCK_DATA, SC_ENUM = 0x08, 0x10

_PRIMITIVES: dict[str, tuple[str, int]] = {
    "B": (">b", 1),
    "C": (">H", 2),
    "D": (">d", 8),
    "F": (">f", 4),
    "I": (">i", 4),
    "J": (">q", 8),
    "S": (">h", 2),
    "Z": (">?", 1),
}


@dataclass(eq=False)
class ClassDesc:
    """A class descriptor: name, serialVersionUID, flags, fields and superclass."""

    name: str
    suid: int
    flags: int
    fields: list[tuple[str, str, str | None]]  # (type code, field name, class name)
    superclass: ClassDesc | None = None
    interfaces: tuple[str, ...] = ()

    def hierarchy(self) -> list[ClassDesc]:
        """This class and its superclasses, topmost first."""
        chain: list[ClassDesc] = []
        desc: ClassDesc | None = self
        while desc is not None and len(chain) <= MAX_DEPTH:
            chain.append(desc)
            desc = desc.superclass
        return chain[::-1]


@dataclass(eq=False)
class JavaObject:
    """An object's class and field values (all classes' fields in one dict)."""

    classdesc: ClassDesc
    fields: dict[str, JavaValue] = field(default_factory=dict)
    annotations: list[JavaValue] = field(default_factory=list)

    @property
    def class_names(self) -> list[str]:
        return [desc.name for desc in self.classdesc.hierarchy()]


@dataclass(frozen=True)
class JavaEnum:
    class_name: str
    constant: str


JavaValue = Union[  # noqa: UP007 - a recursive alias needs the string-free form
    None, bool, int, float, str, bytes, list["JavaValue"], JavaObject, JavaEnum, ClassDesc
]


class _Reader:
    def __init__(self, data: bytes | memoryview, pos: int) -> None:
        self.data = memoryview(data)
        self.pos = pos
        self.handles: list[JavaValue] = []
        self.depth = 0

    def take(self, n: int) -> memoryview:
        end = self.pos + n
        if n < 0 or end > len(self.data):
            raise CorruptData("A serialized Java object in the file is truncated.")
        chunk = self.data[self.pos : end]
        self.pos = end
        return chunk

    def unpack(self, fmt: str, size: int) -> int:
        value: int = struct.unpack(fmt, self.take(size))[0]
        return value

    def utf(self, long: bool = False) -> str:
        n = self.unpack(">q", 8) if long else self.unpack(">H", 2)
        return decode_modified_utf8(bytes(self.take(n)))

    def new_handle(self, value: JavaValue) -> int:
        self.handles.append(value)
        return len(self.handles) - 1

    def content(self, allow_block: bool = False) -> JavaValue:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise CorruptData("A serialized Java object in the file is nested too deeply.")
        try:
            return self._content(self.unpack(">B", 1), allow_block)
        finally:
            self.depth -= 1

    def _content(self, tc: int, allow_block: bool) -> JavaValue:
        if tc == TC_NULL:
            return None
        if tc == TC_REFERENCE:
            index = self.unpack(">i", 4) - BASE_HANDLE
            if not 0 <= index < len(self.handles):
                raise CorruptData("A serialized Java object refers to nothing.")
            return self.handles[index]
        if tc in (TC_STRING, TC_LONGSTRING):
            text = self.utf(long=tc == TC_LONGSTRING)
            self.new_handle(text)
            return text
        if tc in (TC_CLASSDESC, TC_PROXYCLASSDESC):
            return self._classdesc(tc)
        if tc == TC_OBJECT:
            return self._object()
        if tc == TC_ARRAY:
            return self._array()
        if tc == TC_ENUM:
            desc = self.classdesc()
            handle = self.new_handle(None)
            name = self.content()
            if desc is None or not isinstance(name, str):
                raise CorruptData("A serialized Java enum is malformed.")
            self.handles[handle] = value = JavaEnum(desc.name, name)
            return value
        if allow_block and tc in (TC_BLOCKDATA, TC_BLOCKDATALONG):
            n = self.unpack(">B", 1) if tc == TC_BLOCKDATA else self.unpack(">i", 4)
            return bytes(self.take(n))
        raise CorruptData(f"A serialized Java object holds an unsupported element (0x{tc:02x}).")

    def classdesc(self) -> ClassDesc | None:
        value = self.content()
        if value is not None and not isinstance(value, ClassDesc):
            raise CorruptData("A serialized Java object has no valid class descriptor.")
        return value

    def _classdesc(self, tc: int) -> ClassDesc:
        if tc == TC_PROXYCLASSDESC:
            count = self.unpack(">i", 4)
            if not 0 <= count <= len(self.data) - self.pos:
                raise CorruptData("A serialized Java proxy class is malformed.")
            desc = ClassDesc("<proxy>", 0, SC_SERIALIZABLE, [])
            self.new_handle(desc)
            desc.interfaces = tuple(self.utf() for _ in range(count))
        else:
            desc = ClassDesc(self.utf(), self.unpack(">q", 8), 0, [])
            self.new_handle(desc)
            desc.flags = self.unpack(">B", 1)
            for _ in range(self.unpack(">H", 2)):
                code = chr(self.unpack(">B", 1))
                fname = self.utf()
                cname: str | None = None
                if code in "L[":
                    value = self.content()
                    if not isinstance(value, str):
                        raise CorruptData("A serialized Java field has no type name.")
                    cname = value
                elif code not in _PRIMITIVES:
                    raise CorruptData("A serialized Java field has an unknown type.")
                desc.fields.append((code, fname, cname))
        self._annotations()
        desc.superclass = self.classdesc()
        return desc

    def _annotations(self) -> list[JavaValue]:
        values: list[JavaValue] = []
        while True:
            if self.pos < len(self.data) and self.data[self.pos] == TC_ENDBLOCKDATA:
                self.pos += 1
                return values
            values.append(self.content(allow_block=True))

    def _value(self, code: str) -> JavaValue:
        if code in "L[":
            return self.content()
        fmt, size = _PRIMITIVES[code]
        value: bool | int | float = struct.unpack(fmt, self.take(size))[0]
        return chr(value) if code == "C" else value  # type: ignore[arg-type]

    def _object(self) -> JavaObject:
        desc = self.classdesc()
        if desc is None:
            raise CorruptData("A serialized Java object has no class.")
        obj = JavaObject(desc)
        self.new_handle(obj)
        for cls in desc.hierarchy():
            if cls.flags & SC_EXTERNALIZABLE:
                if not cls.flags & SC_BLOCK_DATA:
                    raise CorruptData("A serialized Java object uses an unsupported protocol.")
                obj.annotations.extend(self._annotations())
                continue
            for code, fname, _ in cls.fields:
                obj.fields[fname] = self._value(code)
            if cls.flags & SC_WRITE_METHOD:
                obj.annotations.extend(self._annotations())
        return obj

    def _array(self) -> JavaValue:
        desc = self.classdesc()
        if desc is None or len(desc.name) < 2 or desc.name[0] != "[":
            raise CorruptData("A serialized Java array has no array class.")
        handle = self.new_handle(None)
        count = self.unpack(">i", 4)
        code = desc.name[1]
        if code == "B":
            result: JavaValue = bytes(self.take(count))
        else:
            size = _PRIMITIVES[code][1] if code in _PRIMITIVES else 1
            if code not in _PRIMITIVES and code not in "L[":
                raise CorruptData("A serialized Java array has an unknown element type.")
            if not 0 <= count * size <= len(self.data) - self.pos:
                raise CorruptData("A serialized Java object in the file is truncated.")
            result = [self._value(code) for _ in range(count)]
        self.handles[handle] = result
        return result


def read_stream(data: bytes | memoryview, pos: int = 0) -> tuple[JavaValue, int]:
    """Read one stream header and one object at ``pos``; return it and the end offset."""
    reader = _Reader(data, pos)
    if reader.unpack(">H", 2) != STREAM_MAGIC or reader.unpack(">H", 2) != STREAM_VERSION:
        raise CorruptData("The file holds a serialized Java object with a bad header.")
    try:
        value = reader.content()
    except RecursionError as exc:  # belt and braces: MAX_DEPTH keeps us far from it
        raise CorruptData("A serialized Java object in the file is nested too deeply.") from exc
    return value, reader.pos


def loads(data: bytes) -> JavaValue:
    """Read a stream that holds exactly one object."""
    value, end = read_stream(data)
    if end != len(data):
        raise CorruptData("A serialized Java object has unexpected trailing data.")
    return value


class Writer:
    """Writes the few shapes keymon needs: objects with fields, strings and byte arrays."""

    def __init__(self) -> None:
        self.out = bytearray(struct.pack(">HH", STREAM_MAGIC, STREAM_VERSION))
        self._handles: dict[int | str, int] = {}
        self._next = BASE_HANDLE

    def _handle(self, key: int | str) -> None:
        self._handles[key] = self._next
        self._next += 1

    def _ref(self, key: int | str) -> bool:
        if key in self._handles:
            self.out += struct.pack(">Bi", TC_REFERENCE, self._handles[key])
            return True
        return False

    def classdesc(self, desc: ClassDesc | None) -> None:
        if desc is None:
            self.out.append(TC_NULL)
            return
        if self._ref(id(desc)):
            return
        self.out += bytes([TC_CLASSDESC]) + write_utf(desc.name)
        self._handle(id(desc))
        self.out += struct.pack(">qBH", desc.suid, desc.flags, len(desc.fields))
        for code, fname, cname in desc.fields:
            self.out += code.encode("ascii") + write_utf(fname)
            if cname is not None and not self._ref("type:" + cname):
                self.out += bytes([TC_STRING]) + write_utf(cname)
                self._handle("type:" + cname)
        self.out.append(TC_ENDBLOCKDATA)
        self.classdesc(desc.superclass)

    def string(self, text: str) -> None:
        self.out += bytes([TC_STRING]) + write_utf(text)
        self._next += 1

    def byte_array(self, desc: ClassDesc, value: bytes) -> None:
        self.out.append(TC_ARRAY)
        self.classdesc(desc)
        self._next += 1
        self.out += struct.pack(">i", len(value)) + value

    def begin_object(self, desc: ClassDesc) -> None:
        """Start an object; the caller then writes its field values in descriptor order."""
        self.out.append(TC_OBJECT)
        self.classdesc(desc)
        self._next += 1


def byte_array_desc() -> ClassDesc:
    return ClassDesc("[B", -0x530CE807F9F7AB20, SC_SERIALIZABLE, [])


def object_fields(obj: JavaValue, class_name: str, names: Sequence[str]) -> list[JavaValue]:
    """The named fields of ``obj``, which must be (a subclass of) ``class_name``."""
    if not isinstance(obj, JavaObject) or class_name not in obj.class_names:
        raise CorruptData(f"A serialized Java object is not a {class_name}.")
    try:
        return [obj.fields[n] for n in names]
    except KeyError as exc:
        raise CorruptData(f"A serialized {class_name} lacks the field {exc}.") from exc
