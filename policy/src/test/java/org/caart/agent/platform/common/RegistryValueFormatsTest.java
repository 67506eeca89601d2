package org.caart.agent.platform.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class RegistryValueFormatsTest {

    @Test
    void seceditDwordStringAndMultiString() {
        assertEquals(RegistryValue.dword(1), RegistryValueFormats.parseSecedit("4,1"));
        assertEquals(RegistryValue.string("Notice"), RegistryValueFormats.parseSecedit("1,\"Notice\""));
        assertEquals(List.of("a", "b"), RegistryValueFormats.parseSecedit("7,a,b").strings());
        assertEquals(RegistryValueType.REG_MULTI_SZ, RegistryValueFormats.parseSecedit("7,").type());
    }

    @Test
    void regQueryFormsAreParsed() {
        assertEquals(RegistryValue.dword(0xFFFFFFFFL), RegistryValueFormats.parseRegQuery("REG_DWORD", "0xffffffff"));
        assertEquals("4294967295", RegistryValueFormats.parseRegQuery("REG_DWORD", "0xffffffff").text());
        assertEquals(RegistryValue.qword(16), RegistryValueFormats.parseRegQuery("REG_QWORD", "0x10"));
        assertEquals(List.of("one", "two"), RegistryValueFormats.parseRegQuery("REG_MULTI_SZ", "one\\0two").strings());
        assertEquals("0aff", RegistryValueFormats.parseRegQuery("REG_BINARY", "0AFF").text());
    }

    @Test
    void unknownTypesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> RegistryValueFormats.parseSecedit("9,1"));
        assertThrows(IllegalArgumentException.class, () -> RegistryValueFormats.parseRegQuery("REG_DWORD", "12"));
    }

    @Test
    void javaValuesFromJnaAreWrapped() {
        assertEquals(RegistryValue.dword(-1), RegistryValue.ofJava(-1));
        assertEquals(4294967295L, RegistryValue.ofJava(-1).number().getAsLong());
        assertEquals(RegistryValueType.REG_MULTI_SZ, RegistryValue.ofJava(new String[] {"a"}).type());
        assertEquals(7, RegistryValue.ofJava("7").number().getAsLong());
    }

    @Test
    void keysAcceptAbbreviationsAndSlashes() {
        RegistryKey key = RegistryKey.parse("HKLM/SOFTWARE\\\\Policies\\");
        assertEquals(RegistryKey.Hive.HKEY_LOCAL_MACHINE, key.hive());
        assertEquals("SOFTWARE\\Policies", key.path());
        assertEquals("HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies", key.toString());
        assertThrows(IllegalArgumentException.class, () -> RegistryKey.parse("HKXX\\Software"));
    }
}
