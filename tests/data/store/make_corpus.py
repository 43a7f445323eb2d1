#!/usr/bin/env python3
"""make_corpus.py: writes corpus.jsonl, the store's golden test corpus.

Eight short news items, written for lapwing's tests (they report no real
events), coded by hand into the output contract (docs/output.md) with the
document text added: entities, quotes and events with byte spans. Spans are
given here as the words they cover and turned into byte offsets, so the
corpus stays readable and its offsets stay right. Run it again after an
edit:  python3 tests/data/store/make_corpus.py > tests/data/store/corpus.jsonl

The JSON is written as lapwing writes it (same keys, order and number
formats), so that ingesting the corpus and exporting it gives back the same
bytes."""
import json
import re
import sys


class Doc:
    def __init__(self, id, date, title, source, url, text):
        self.id, self.date, self.title, self.source, self.url = id, date, title, source, url
        self.text = text
        self.raw = text.encode("utf-8")
        self.entities, self.quotes, self.events = [], [], []
        self.dateline = None

    def span(self, words, nth=0, after=None):
        """Byte span of the nth occurrence of `words` (after `after`, a span)."""
        w = words.encode("utf-8")
        at = after["end"] if after else 0
        for _ in range(nth + 1):
            i = self.raw.find(w, at)
            if i < 0:
                sys.exit(f"{self.id}: '{words}' not found")
            at = i + 1
        return {"start": i, "end": i + len(w)}

    def spant(self, words, nth=0, after=None):
        s = self.span(words, nth, after)
        s["text"] = self.raw[s["start"]:s["end"]].decode("utf-8")
        return s

    def sentence(self, first_words):
        """From the first words to the end of their sentence (. ! or ? and a
        space, a line break or the end)."""
        s = self.span(first_words)
        i = s["start"]
        j = i
        while j < len(self.raw):
            if self.raw[j:j + 1] in (b".", b"!", b"?") and (
                    j + 1 == len(self.raw) or self.raw[j + 1:j + 2] in (b" ", b"\n", b'"')):
                j += 1
                if self.raw[j:j + 1] == b'"':
                    j += 1
                break
            j += 1
        return {"start": i, "end": j}

    def entity(self, type, name, mentions, actor=None, place=None):
        eid = len(self.entities) + 1
        ms = []
        for m in mentions:
            words, nth = (m, 0) if isinstance(m, str) else m
            sp = self.span(words, nth)
            ms.append({"start": sp["start"], "end": sp["end"]})
        ms.sort(key=lambda x: x["start"])
        act = None
        if actor:
            act = {"code": actor, "country": None if actor[:3] == "---" else actor[:3],
                   "sector": None if actor[3:] == "---" else actor[3:]}
        self.entities.append({"id": eid, "type": type, "name": name, "mentions": ms,
                              "actor": act, "place": place})
        return eid


def place(country, admin1, admin2, lat, lon, kind):
    return {"country": country, "admin1": admin1, "admin2": admin2, "lat": lat, "lon": lon,
            "kind": kind}


def words_of(s):
    """Words as the contract compares them: letters and digits, case aside,
    a possessive's "s" left out."""
    return set(re.findall(r"[^\W_]+", re.sub(r"['\u2019]s\b", "", s).lower()))


def actor(d, entity, name, code, words, nth=0):
    # a name is grounded in the words of its span: an entity's canonical
    # name where they hold one of its words, else the words themselves
    if not (words_of(name) & words_of(words)):
        name = words
    a = {"entity": entity, "name": name, "code": code,
         "country": None if code[:3] == "---" else code[:3],
         "sector": None if code[3:] == "---" else code[3:]}
    a.update(d.spant(words, nth))
    return a


def location(d, entity, name, p, words, nth=0):
    loc = {"entity": entity, "name": name}
    loc.update(p)
    loc.update(d.span(words, nth))
    return loc


def count(d, value, approx, words, nth=0):
    c = {"value": value, "approx": approx}
    c.update(d.spant(words, nth))
    return c


def date(d, value, precision, words=None):
    v = {"value": value, "precision": precision}
    if words:
        v.update(d.span(words))
    else:
        v.update({"start": None, "end": None})
    return v


def event(d, type, mode, sentence, trigger, source=None, target=None, loc=None, when=None,
          dead=None, injured=None, arrested=None, cameo=None, acled=None, negated=False,
          speculative=False, background=False, confidence=0.8):
    e = {"type": type, "mode": mode, "source": source, "target": target, "location": loc,
         "date": when, "dead": dead, "injured": injured, "arrested": arrested,
         "trigger": d.spant(trigger), "sentence": d.sentence(sentence), "cameo": cameo,
         "acled": None if acled is None else {"event_type": acled[0], "sub_event_type": acled[1]},
         "negated": negated, "speculative": speculative, "background": background,
         "confidence": confidence}
    d.events.append(e)


def quote(d, words, speaker=None, cue=None, confidence=0.9):
    q = d.spant(words)
    if speaker:
        entity, name, swords, desc = speaker
        s = {"entity": entity, "name": name}
        s.update(d.spant(swords))
        s["description"] = d.spant(desc) if desc else None
        q["speaker"] = s
    else:
        q["speaker"] = None
    q["cue"] = d.spant(cue) if cue else None
    q["confidence"] = confidence
    d.quotes.append(q)


docs = []

# 1. Pakistan, a night attack on a police post, with a dateline and a quote
d = Doc("pk-bannu-0314", "2022-03-14", "Gunmen storm police post in Bannu, three dead",
        "Frontier Daily", "https://frontier-daily.example/2022/03/14/bannu",
        "BANNU, Pakistan (March 14, 2022) - Gunmen from Tehrik-i-Taliban Pakistan stormed a "
        "police post in Bannu district late on Sunday, killing three policemen and wounding "
        "five, officials said.\n\n"
        "\u201cThey came down from the hills after midnight and fired at the gate,\u201d "
        "said Rashid Khattak, a police spokesman in Bannu.\n\n"
        "The group said in a statement that it carried out the raid. In 2021 its fighters "
        "killed 40 soldiers in the same district.")
d.dateline = {"words": "BANNU, Pakistan (March 14, 2022) -", "place": "BANNU, Pakistan",
              "date": "2022-03-14"}
ttp = d.entity("ORG", "Tehrik-i-Taliban Pakistan", ["Tehrik-i-Taliban Pakistan"], "PAKREB")
bannu = d.entity("PLACE", "Bannu", ["BANNU", ("Bannu", 0), ("Bannu", 1)],
                 place=place("PAK", "Khyber Pakhtunkhwa", "Bannu", 32.9854, 70.6027, "admin2"))
khattak = d.entity("PERSON", "Rashid Khattak", ["Rashid Khattak"], "PAKCOP")
event(d, "ASSAULT", "firearms", "Gunmen from", "stormed",
      source=actor(d, ttp, "Tehrik-i-Taliban Pakistan", "PAKREB", "Gunmen from Tehrik-i-Taliban Pakistan"),
      target=actor(d, None, "police", "PAKCOP", "police post"),
      loc=location(d, bannu, "Bannu", place("PAK", "Khyber Pakhtunkhwa", "Bannu", 32.9854, 70.6027, "admin2"), "Bannu district"),
      when=date(d, "2022-03-13", "day", "late on Sunday"),
      dead=count(d, 3, False, "three policemen"), injured=count(d, 5, False, "five"),
      cameo="190", acled=("Battles", "Armed clash"), confidence=0.85)
event(d, "ASSAULT", "firearms", "In 2021", "killed",
      source=actor(d, ttp, "Tehrik-i-Taliban Pakistan", "PAKREB", "its fighters"),
      target=actor(d, None, "soldiers", "PAKMIL", "soldiers"),
      when=date(d, "2021", "year", "In 2021"), dead=count(d, 40, False, "40 soldiers"),
      cameo="190", acled=("Battles", "Armed clash"), background=True, confidence=0.7)
quote(d, "They came down from the hills after midnight and fired at the gate,",
      (khattak, "Rashid Khattak", "Rashid Khattak", "a police spokesman in Bannu"), "said")
docs.append(d)

# 2. Pakistan, a suicide bombing with approximate counts and a threat
d = Doc("pk-peshawar-0702", "2022-07-02", "Bomber kills at least 12 at Peshawar market",
        "Frontier Daily", "https://frontier-daily.example/2022/07/02/peshawar",
        "A suicide bomber blew himself up at a crowded market in Peshawar on Saturday, "
        "killing at least 12 people and injuring about 30, police said. Tehrik-i-Taliban "
        "Pakistan said it sent the bomber.\n\n"
        "The group threatened to attack more markets in the city.")
ttp = d.entity("ORG", "Tehrik-i-Taliban Pakistan", ["Tehrik-i-Taliban Pakistan"], "PAKREB")
pesh = d.entity("PLACE", "Peshawar", ["Peshawar"],
                place=place("PAK", "Khyber Pakhtunkhwa", "Peshawar", 34.008, 71.5785, "city"))
event(d, "ASSAULT", "suicide-attack", "A suicide bomber", "blew himself up",
      source=actor(d, ttp, "Tehrik-i-Taliban Pakistan", "PAKREB", "A suicide bomber"),
      target=actor(d, None, "civilians", "PAKCVL", "people"),
      loc=location(d, pesh, "Peshawar", place("PAK", "Khyber Pakhtunkhwa", "Peshawar", 34.008, 71.5785, "city"), "Peshawar"),
      when=date(d, "2022-07-02", "day", "on Saturday"),
      dead=count(d, 12, True, "at least 12 people"), injured=count(d, 30, True, "about 30"),
      cameo="1831", acled=("Explosions/Remote violence", "Suicide bomb"), confidence=0.9)
event(d, "THREATEN", "violence", "The group threatened", "threatened to attack",
      source=actor(d, ttp, "Tehrik-i-Taliban Pakistan", "PAKREB", "The group"),
      loc=location(d, pesh, "Peshawar", place("PAK", "Khyber Pakhtunkhwa", "Peshawar", 34.008, 71.5785, "city"), "the city"),
      cameo="138", speculative=True, confidence=0.6)
docs.append(d)

# 3. Pakistan, a roadside bomb and arrests, in Balochistan
d = Doc("pk-quetta-0120", "2023-01-20", "Roadside bomb hits patrol near Quetta; seven held",
        "Quetta Observer", "https://quetta-observer.example/news/0120",
        "A roadside bomb struck a Frontier Corps patrol outside Quetta on Thursday, killing "
        "four soldiers. Tehrik-i-Taliban Pakistan claimed the blast.\n\n"
        "Police later arrested seven suspects in raids across the city, the provincial "
        "government said.")
ttp = d.entity("ORG", "Tehrik-i-Taliban Pakistan", ["Tehrik-i-Taliban Pakistan"], "PAKREB")
fc = d.entity("ORG", "Frontier Corps", ["Frontier Corps"], "PAKMIL")
quetta = d.entity("PLACE", "Quetta", ["Quetta"],
                  place=place("PAK", "Balochistan", "Quetta", 30.1841, 67.0014, "city"))
event(d, "ASSAULT", "explosives", "A roadside bomb", "roadside bomb struck",
      source=actor(d, ttp, "Tehrik-i-Taliban Pakistan", "PAKREB", "Tehrik-i-Taliban Pakistan"),
      target=actor(d, fc, "Frontier Corps", "PAKMIL", "Frontier Corps patrol"),
      loc=location(d, quetta, "Quetta", place("PAK", "Balochistan", "Quetta", 30.1841, 67.0014, "city"), "Quetta"),
      when=date(d, "2023-01-19", "day", "on Thursday"), dead=count(d, 4, False, "four soldiers"),
      cameo="183", acled=("Explosions/Remote violence", "Remote explosive/landmine/IED"),
      confidence=0.85)
event(d, "COERCE", "arrest", "Police later", "arrested",
      source=actor(d, None, "police", "PAKCOP", "Police"),
      loc=location(d, quetta, "Quetta", place("PAK", "Balochistan", "Quetta", 30.1841, 67.0014, "city"), "the city"),
      when=date(d, "2023-01-20", "day"), arrested=count(d, 7, False, "seven suspects"),
      cameo="173", acled=None, confidence=0.8)
docs.append(d)

# 4. Pakistan, an attack in Turbat with a blast that hurt no one, and a protest
d = Doc("pk-turbat-0511", "2023-06-02", "Two killed in Turbat attack; traders protest in Karachi",
        "Quetta Observer", "https://quetta-observer.example/news/0602",
        "Fighters of the Balochistan Liberation Army attacked a checkpoint in Turbat in May, "
        "killing two guards. No one was killed in a second blast nearby.\n\n"
        "In Karachi, hundreds of traders marched against the closures, "
        "saying \u201cwe cannot feed our families, not even for a week.\u201d")
bla = d.entity("ORG", "Balochistan Liberation Army", ["Balochistan Liberation Army"], "PAKREB")
turbat = d.entity("PLACE", "Turbat", ["Turbat"],
                  place=place("PAK", "Balochistan", "Kech", 26.0023, 63.0449, "city"))
karachi = d.entity("PLACE", "Karachi", ["Karachi"],
                   place=place("PAK", "Sindh", "Karachi", 24.8608, 67.0104, "city"))
event(d, "ASSAULT", "firearms", "Fighters of", "attacked",
      source=actor(d, bla, "Balochistan Liberation Army", "PAKREB", "Fighters of the Balochistan Liberation Army"),
      target=actor(d, None, "guards", "PAKCOP", "a checkpoint"),
      loc=location(d, turbat, "Turbat", place("PAK", "Balochistan", "Kech", 26.0023, 63.0449, "city"), "Turbat"),
      when=date(d, "2023-05", "month", "in May"), dead=count(d, 2, False, "two guards"),
      cameo="190", acled=("Battles", "Armed clash"), confidence=0.8)
event(d, "ASSAULT", "explosives", "No one was", "blast",
      loc=location(d, turbat, "Turbat", place("PAK", "Balochistan", "Kech", 26.0023, 63.0449, "city"), "nearby"),
      dead=count(d, 0, False, "No one"), cameo="183",
      acled=("Explosions/Remote violence", "Remote explosive/landmine/IED"), negated=True,
      confidence=0.5)
event(d, "PROTEST", "demo", "In Karachi", "marched against",
      source=actor(d, None, "traders", "PAKBUS", "hundreds of traders"),
      loc=location(d, karachi, "Karachi", place("PAK", "Sindh", "Karachi", 24.8608, 67.0104, "city"), "Karachi"),
      cameo="141", acled=("Protests", "Peaceful protest"), confidence=0.75)
quote(d, "we cannot feed our families, not even for a week.", None, "saying", 0.6)
docs.append(d)

# 5. Afghanistan, a bombing in Kabul claimed by a group of no single country
d = Doc("af-kabul-0905", "2022-09-05", "Blast near Kabul embassy kills six",
        "Kabul Herald", "https://kabul-herald.example/2022/09/05/blast",
        "KABUL (Kabul Herald) - A bomb exploded near an embassy gate in Kabul on Monday, "
        "killing about six people, said Abdul Nafi Takor, an interior ministry spokesman. "
        "Islamic State Khorasan claimed the bombing.\n\n"
        "\u201cOur forces have closed the road and are searching the area,\u201d Takor said.")
d.dateline = {"words": "KABUL (Kabul Herald) -", "place": "KABUL", "date": None}
iskp = d.entity("ORG", "Islamic State Khorasan", ["Islamic State Khorasan"], "---REB")
kabul = d.entity("PLACE", "Kabul", ["KABUL", ("Kabul", 1)],
                 place=place("AFG", "Kabul", "Kabul", 34.5281, 69.1723, "city"))
takor = d.entity("PERSON", "Abdul Nafi Takor", ["Abdul Nafi Takor", ("Takor", 1)], "AFGGOV")
event(d, "ASSAULT", "explosives", "A bomb exploded", "bomb exploded",
      source=actor(d, iskp, "Islamic State Khorasan", "---REB", "Islamic State Khorasan"),
      loc=location(d, kabul, "Kabul", place("AFG", "Kabul", "Kabul", 34.5281, 69.1723, "city"), "Kabul", 1),
      when=date(d, "2022-09-05", "day", "on Monday"), dead=count(d, 6, True, "about six people"),
      cameo="183", acled=("Explosions/Remote violence", "Remote explosive/landmine/IED"),
      confidence=0.85)
quote(d, "Our forces have closed the road and are searching the area,",
      (takor, "Abdul Nafi Takor", "Takor", None), "said", 0.8)
docs.append(d)

# 6. Nigeria, an abduction by an armed group
d = Doc("ng-borno-0217", "2023-02-17", "Gunmen seize 20 pupils in Borno",
        "Lake Chad Monitor", "https://lakechad-monitor.example/0217",
        "Boko Haram fighters abducted 20 pupils from a school in Borno state this week and "
        "shot dead a watchman, a teacher said.")
bh = d.entity("ORG", "Boko Haram", ["Boko Haram"], "NGAREB")
borno = d.entity("PLACE", "Borno", ["Borno"],
                 place=place("NGA", "Borno", None, 11.8333, 13.15, "admin1"))
event(d, "ASSAULT", "abduct", "Boko Haram fighters", "abducted",
      source=actor(d, bh, "Boko Haram", "NGAREB", "Boko Haram fighters"),
      target=actor(d, None, "pupils", "NGAEDU", "20 pupils"),
      loc=location(d, borno, "Borno", place("NGA", "Borno", None, 11.8333, 13.15, "admin1"), "Borno state"),
      when=date(d, "2023-W07", "week", "this week"), dead=count(d, 1, False, "a watchman"),
      cameo="181", acled=("Violence against civilians", "Abduction/forced disappearance"),
      confidence=0.8)
docs.append(d)

# 7. Nigeria, army arrests and an agreement outside ACLED's scope
d = Doc("ng-maiduguri-0830", "2023-08-30", "Army detains 15, elders agree to talks",
        "Lake Chad Monitor", "https://lakechad-monitor.example/0830",
        "Nigerian troops detained 15 suspected Boko Haram members near Maiduguri, "
        "the army said on Wednesday. Community elders agreed to meet the governor next month.")
army = d.entity("ORG", "Nigerian Army", ["Nigerian troops"], "NGAMIL")
bh = d.entity("ORG", "Boko Haram", ["Boko Haram"], "NGAREB")
maid = d.entity("PLACE", "Maiduguri", ["Maiduguri"],
                place=place("NGA", "Borno", "Maiduguri", 11.8464, 13.1604, "city"))
event(d, "COERCE", "arrest", "Nigerian troops", "detained",
      source=actor(d, army, "Nigerian Army", "NGAMIL", "Nigerian troops"),
      target=actor(d, bh, "Boko Haram", "NGAREB", "15 suspected Boko Haram members"),
      loc=location(d, maid, "Maiduguri", place("NGA", "Borno", "Maiduguri", 11.8464, 13.1604, "city"), "Maiduguri"),
      when=date(d, "2023-08-30", "day", "on Wednesday"),
      arrested=count(d, 15, False, "15 suspected Boko Haram members"), cameo="173",
      acled=("Strategic developments", "Arrests"), confidence=0.8)
event(d, "AGREE", "meet", "Community elders", "agreed to meet",
      source=actor(d, None, "community elders", "NGACVL", "Community elders"),
      target=actor(d, None, "the governor", "NGAGOV", "the governor"),
      when=date(d, "2023-09", "month", "next month"), cameo="036", confidence=0.7)
docs.append(d)

# 8. Colombia, no date given: accents, commas and quotation marks in the text
d = Doc("co-cucuta-x", None, "Rebels hit base near C\u00facuta, \u201cno time to run\u201d",
        "Andes Wire", None,
        "ELN rebels attacked an army base near C\u00facuta with drones, wounding nine "
        "soldiers, the army said: \u201cthey flew in low, from the river.\u201d")
eln = d.entity("ORG", "National Liberation Army", ["ELN"], "COLREB")
cuc = d.entity("PLACE", "C\u00facuta", ["C\u00facuta"],
               place=place("COL", "Norte de Santander", "C\u00facuta", 7.8939, -72.5078, "city"))
event(d, "ASSAULT", "drone", "ELN rebels", "attacked",
      source=actor(d, eln, "National Liberation Army", "COLREB", "ELN rebels"),
      target=actor(d, None, "army", "COLMIL", "an army base"),
      loc=location(d, cuc, "C\u00facuta", place("COL", "Norte de Santander", "C\u00facuta", 7.8939, -72.5078, "city"), "C\u00facuta"),
      injured=count(d, 9, False, "nine soldiers"), cameo="195",
      acled=("Explosions/Remote violence", "Air/drone strike"), confidence=0.8)
quote(d, "they flew in low, from the river.", None, "the army said", 0.5)
docs.append(d)


def dateline(d):
    if not d.dateline:
        return None
    s = d.spant(d.dateline["words"])
    s["place"] = d.spant(d.dateline["place"])
    s["date"] = d.dateline["date"]
    return s


for d in docs:
    d.quotes.sort(key=lambda q: q["start"])
    obj = {"lapwing": 1, "id": d.id, "date": d.date, "title": d.title, "source": d.source,
           "url": d.url, "text": d.text, "dateline": dateline(d), "entities": d.entities,
           "quotes": d.quotes, "events": d.events}
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n")
