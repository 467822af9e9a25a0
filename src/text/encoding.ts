/**
 * Vietnamese text pasted from old documents: TCVN3 (ABC, fonts .VnTime…) and VNI (VNI-Times)
 * encodings shown through a Unicode font, and decomposed Unicode (NFD). Detection and conversion.
 * Neutral ground: lint (--fix) and the Word reader of import (read/word) both convert with it.
 */

/** TCVN3 byte (as Latin-1 character) → Unicode letter. Lower case letters; TCVN3 has precomposed capitals only for Ă Â Đ Ê Ô Ơ Ư. */
export const TCVN3: Record<string, string> = {
  "µ": "à", "¶": "ả", "·": "ã", "¸": "á", "¹": "ạ",
  "¨": "ă", "»": "ằ", "¼": "ẳ", "½": "ẵ", "¾": "ắ", "Æ": "ặ",
  "©": "â", "Ç": "ầ", "È": "ẩ", "É": "ẫ", "Ê": "ấ", "Ë": "ậ",
  "®": "đ",
  "Ì": "è", "Î": "ẻ", "Ï": "ẽ", "Ð": "é", "Ñ": "ẹ",
  "ª": "ê", "Ò": "ề", "Ó": "ể", "Ô": "ễ", "Õ": "ế", "Ö": "ệ",
  "×": "ì", "Ø": "ỉ", "Ü": "ĩ", "Ý": "í", "Þ": "ị",
  "ß": "ò", "á": "ỏ", "â": "õ", "ã": "ó", "ä": "ọ",
  "«": "ô", "å": "ồ", "æ": "ổ", "ç": "ỗ", "è": "ố", "é": "ộ",
  "¬": "ơ", "ê": "ờ", "ë": "ở", "ì": "ỡ", "í": "ớ", "î": "ợ",
  "ï": "ù", "ñ": "ủ", "ò": "ũ", "ó": "ú", "ô": "ụ",
  "\u00AD": "ư", "õ": "ừ", "ö": "ử", "÷": "ữ", "ø": "ứ", "ù": "ự",
  "ú": "ỳ", "û": "ỷ", "ü": "ỹ", "ý": "ý", "þ": "ỵ",
  "¡": "Ă", "¢": "Â", "§": "Đ", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư",
};

/** Characters that occur in TCVN3 text but never in Vietnamese Unicode text. */
const TCVN3_ONLY = /[µ¶·¸¹¨»¼½¾Æ©ÇËÎÏÐÑª®ÖרÜÞßäåæçëîïñö÷øþ¬«\u00AD¡¢§£¤¥¦]/g;
/** Letters only Unicode Vietnamese has (the Latin-1 range cannot hold them). */
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9]/;

/** VNI suffix characters after a vowel. */
const TONES: Record<string, number> = { "ø": 0x300, "û": 0x309, "õ": 0x303, "ù": 0x301, "ï": 0x323, "Ø": 0x300, "Û": 0x309, "Õ": 0x303, "Ù": 0x301, "Ï": 0x323 };
const HAT_TONES: Record<string, number> = { "à": 0x300, "å": 0x309, "ã": 0x303, "á": 0x301, "ä": 0x323, "À": 0x300, "Å": 0x309, "Ã": 0x303, "Á": 0x301, "Ä": 0x323 };
const BREVE_TONES: Record<string, number> = { "è": 0x300, "ú": 0x309, "ü": 0x303, "é": 0x301, "ë": 0x323, "È": 0x300, "Ú": 0x309, "Ü": 0x303, "É": 0x301, "Ë": 0x323 };
const VNI_ONLY = /[øûïöñäåëüØÛÏÖÑÄÅËÜ]/g;

function count(s: string, re: RegExp): number {
  return (s.match(re) ?? []).length;
}

export type Legacy = "TCVN3" | "VNI";

const LEGACY_CHAR = new RegExp(`${TCVN3_ONLY.source}|${VNI_ONLY.source}`);

/** False when no line of s can be in a legacy encoding: it has none of their tell-tale characters. */
export function maybeLegacy(s: string): boolean {
  return LEGACY_CHAR.test(s);
}

/** Which legacy encoding a line of text is in, if any. Needs two tell-tale characters and no Unicode-only letter. */
export function detectLegacy(s: string): Legacy | undefined {
  if (UNICODE_VIETNAMESE.test(s)) return undefined;
  const vni = count(s, VNI_ONLY);
  const tcvn = count(s, TCVN3_ONLY);
  if (vni >= 2 && /[aeoAEOuUyYiI][øûïùõØÛÏÙÕâêÂÊàåãáäèúüéë]|[ôöÔÖ]|[ñÑ]/.test(s) && vni >= tcvn) return "VNI";
  if (tcvn >= 2) return "TCVN3";
  return undefined;
}

export function fromTcvn3(s: string): string {
  return [...s].map((c) => TCVN3[c] ?? c).join("");
}

/** VNI: a base letter followed by mark characters (â hat, ê breve, ô/ö horn on o/u, tone marks). */
export function fromVni(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    let c = s[i]!;
    const next = s[i + 1];
    const upper = c === c.toUpperCase() && c !== c.toLowerCase();
    if (c === "ñ" || c === "Ñ") {
      out += upper ? "Đ" : "đ";
      continue;
    }
    if (c === "ô" || c === "Ô") c = upper ? "Ơ" : "ơ";
    else if (c === "ö" || c === "Ö") c = upper ? "Ư" : "ư";
    else if (/[aeoAEO]/.test(c) && next !== undefined) {
      if (next === "â" || next === "Â") {
        c = { a: "â", e: "ê", o: "ô", A: "Â", E: "Ê", O: "Ô" }[c] ?? c;
        i++;
      } else if ((c === "a" || c === "A") && (next === "ê" || next === "Ê")) {
        c = c === "a" ? "ă" : "Ă";
        i++;
      } else if (HAT_TONES[next] !== undefined && /[aeoAEO]/.test(c)) {
        const hat = { a: "â", e: "ê", o: "ô", A: "Â", E: "Ê", O: "Ô" }[c] ?? c;
        out += (hat + String.fromCharCode(HAT_TONES[next]!)).normalize("NFC");
        i++;
        continue;
      } else if (BREVE_TONES[next] !== undefined && (c === "a" || c === "A")) {
        out += ((c === "a" ? "ă" : "Ă") + String.fromCharCode(BREVE_TONES[next]!)).normalize("NFC");
        i++;
        continue;
      }
    }
    const tone = s[i + 1] !== undefined ? TONES[s[i + 1]!] : undefined;
    if (tone !== undefined && /[aeiouyâêôơưăAEIOUYÂÊÔƠƯĂ]/.test(c)) {
      out += (c + String.fromCharCode(tone)).normalize("NFC");
      i++;
      continue;
    }
    out += c;
  }
  return out;
}

export function convertLegacy(s: string, enc: Legacy): string {
  return enc === "TCVN3" ? fromTcvn3(s) : fromVni(s);
}

/** True when text has decomposed combining marks. */
export function isNfd(s: string): boolean {
  return s !== s.normalize("NFC");
}
