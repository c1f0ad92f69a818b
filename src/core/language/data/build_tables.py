#!/usr/bin/env python3
"""Writes the language tables `src/core/language/data/<code>.txt` that `crate::core::language` embeds.

Run with the `wordfreq` package (3.1.1) installed: `python3 src/core/language/data/build_tables.py`.
The tables are generated data: change this script (sizes, vocabulary) and run it again, never edit them by hand.

Each table holds, for one language, log10 probabilities rounded to 0.25, one line per kind and value: `w10 hej tak`
means the words "hej" and "tak" each have log10 p = -10/4 = -2.5. The kinds:
- `word`: the 40 most frequent words, plus the customer-service vocabulary below (counted 10x more frequent
  than in general text, and at least 1 in 10,000 words, because that is what customers write about; the
  frequent words keep their own frequency), plus every word chosen for another language that is common here
  too (log10 p >= -4.5), with its frequency here: otherwise "hvor", chosen for Danish, would look foreign
  to Norwegian, and short Scandinavian texts would get a confidence they do not deserve;
- `gram`: the 100 most frequent letter trigrams of words (`_` marks the start or end of a word);
- `letter`: how often each non-ASCII letter appears among all letters (å, ø, ñ, ł …).
Words and trigrams are folded like `crate::core::fold::fold` (lowercase, accents removed, æ→ae, ø→o, ß→ss, ł→l)
so a message typed without accents still matches; the letters keep their accents, which is where they carry
information. Frequencies come from wordfreq's lists (Wikipedia, subtitles, news, web text, Twitter and Reddit).
"""
import collections
import math
import os
import re
import unicodedata

import wordfreq

LANGS = ["da", "de", "en", "es", "fr", "it", "nb", "nl", "pl", "pt", "sv"]
NAMES = {"da": "Danish", "de": "German", "en": "English", "es": "Spanish", "fr": "French", "it": "Italian",
         "nb": "Norwegian Bokmål", "nl": "Dutch", "pl": "Polish", "pt": "Portuguese", "sv": "Swedish"}
VOCABULARY = 40_000  # words per language the statistics are computed from
TOP_WORDS = 40
TOP_GRAMS = 100
DOMAIN_BOOST = 1.0  # log10: customer-service words are ~10x more frequent in customer messages
DOMAIN_MIN = -4.0
SHARED_MIN = -4.5  # a word chosen for one language is listed in another where it is at least this frequent
MIN_LETTER = 1e-5  # letters rarer than this (loanwords, names) are left to the floor
STEP = 0.25

# Customer-service vocabulary, written from one concept list (greetings, thanks, please, order, parcel,
# delivery, shipping, refund, return, exchange, cancel, payment, price, discount, size, stock, shop, opening
# hours, days, question words, still/yet, waiting, received, broken/wrong, address, tracking, answer, message,
# help, complaints, praise, customer service, product, pronouns and modal verbs of requests).
DOMAIN = {
    "da": """hej hejsa tak tusind mange venlig hilsen mvh undskyld ordre ordren bestilling bestillingen bestilte
bestilt pakke pakken pakker levering leveringen leveret levere sendt sende sender fragt forsendelse forsendelsen
refusion pengene penge tilbage returnere retur bytte byttet annullere annulleret betaling betalt betale pris koster
rabat rabatkode størrelse str lager butik butikken åbent åben åbner lukket åbningstider weekenden lørdag søndag
mandag hvornår hvorfor hvordan hvad hvilken stadig endnu venter modtaget modtog kom ødelagt itu forkert forkerte
adresse adressen sporing svar svare besked mail hjælp hjælpe dårlig skuffet elendig kundeservice vare varen varer
produkt uge uger dage mig dig jeres kan skal gerne vil""",
    "de": """hallo hi moin servus danke dank vielen bitte grüße bestellung bestellungen bestellt bestellnummer paket
pakete päckchen lieferung geliefert liefern lieferbar versand versendet verschickt geschickt rückerstattung
erstattung geld zurück rücksendung umtauschen umtausch stornieren storniert zahlung bezahlt bezahlen preis kostet
rabatt gutschein größe lager verfügbar laden geschäft geöffnet offen öffnungszeiten geschlossen samstag sonntag
wochenende wann warum wie was wo welche immer noch nicht warte warten bekommen erhalten angekommen kaputt
beschädigt falsch falsche adresse sendungsnummer sendungsverfolgung antwort antworten nachricht mail hilfe helfen
schlecht enttäuscht frechheit kundenservice ware artikel produkt woche wochen tage mein meine euch ihr habt kann
möchte gerne""",
    "en": """hi hello hey thanks thank thx please pls sorry order orders ordered package parcel delivery delivered
deliver shipping shipped ship sent refund money back return returned exchange cancel cancelled canceled payment
paid charged price cost discount code size stock available shop store open opening hours closed today tomorrow
saturday sunday weekend when where why how what which still yet waiting wait received arrived came broken damaged
wrong address tracking answer reply message email help bad terrible disappointed worst customer service item
product week weeks days my your you can could would like want""",
    "es": """hola buenas gracias muchas favor saludos perdón pedido pedidos pedí compra compré paquete envío envíos
enviado enviar entrega entregado llega llegó llegado reembolso dinero devolver devolución cambiar cambio cancelar
cancelado cancelaron pago pagado cobraron precio cuesta descuento código talla stock disponible tienda abierto abren
abiertos horario cerrado hoy mañana sábado domingo cuándo dónde por qué cómo qué cuál todavía aún sigo esperando
espero recibido recibí roto dañado equivocado dirección seguimiento respuesta responder mensaje correo ayuda ayudar
malo pésimo decepcionado atención cliente producto semana semanas días mi mis me puedo pueden quiero tienen""",
    "fr": """bonjour salut bonsoir merci beaucoup svp plaît désolé commande commandes commandé colis livraison livré
livrer expédition expédié envoyé envoyer remboursement remboursé rembourser argent retour retourner échanger échange
annuler annulée paiement payé débité prix coûte réduction code promo taille stock disponible magasin boutique
ouvert ouverts ouverture horaires fermé aujourd hui demain samedi dimanche quand où pourquoi comment quel quelle
toujours encore attends attente reçu arrivé cassé abîmé mauvais adresse suivi réponse répondre message mail aide
aider nul déçu service client article produit semaine semaines jours mon ma mes vous je peux voudrais avez""",
    "it": """ciao salve buongiorno grazie mille favore saluti scusate ordine ordini ordinato pacco spedizione spedito
spedite consegna consegnato arrivato arriva rimborso soldi restituire reso cambiare cambio annullare annullato
pagamento pagato addebitato prezzo costa sconto codice taglia disponibile negozio aperto aperti orari orario chiuso
oggi domani sabato domenica quando dove perché come cosa quale ancora aspetto aspettando ricevuto rotto danneggiato
sbagliato indirizzo tracciamento risposta rispondere messaggio email aiuto aiutare pessimo deluso servizio clienti
articolo prodotto settimana settimane giorni mio mia miei posso potete vorrei avete""",
    "nb": """hei heisann takk tusen mange vennlig hilsen mvh beklager ordre ordren bestilling bestillingen bestilte
bestilt pakke pakken pakker levering leveringen levert levere sendt sende sender frakt forsendelse forsendelsen
refusjon pengene penger tilbake returnere retur bytte byttet kansellere kansellert betaling betalt betale pris
koster rabatt rabattkode størrelse str lager butikk butikken åpent åpen åpner stengt åpningstider helgen lørdag
søndag mandag når hvorfor hvordan hva hvilken fortsatt ennå enda venter mottatt fikk kom ødelagt knust feil adresse
adressen sporing svar svare melding epost hjelp hjelpe dårlig skuffet elendig kundeservice vare varen varer produkt
uke uker dager meg deg dere kan skal gjerne vil""",
    "nl": """hoi hallo hey dank bedankt wel alstublieft aub graag groetjes sorry bestelling bestellingen besteld pakket
pakketje levering geleverd bezorgd bezorging verzending verzonden verstuurd versturen terugbetaling geld terug retour
retourneren ruilen annuleren geannuleerd betaling betaald afgeschreven prijs kost korting kortingscode maat voorraad
beschikbaar winkel open geopend openingstijden gesloten vandaag morgen zaterdag zondag weekend wanneer waar waarom
hoe wat welke nog steeds wacht wachten ontvangen aangekomen kapot beschadigd verkeerde adres volgen antwoord
reageren bericht mail hulp helpen slecht teleurgesteld klantenservice artikel product week weken dagen mijn jullie
kan wil""",
    "pl": """cześć dzień dobry witam dzięki dziękuję bardzo proszę pozdrawiam przepraszam zamówienie zamówienia
zamówiłem zamówiłam paczka paczki paczkę przesyłka przesyłki dostawa dostawy dostarczona wysyłka wysłane wysłać
zwrot pieniędzy pieniądze zwrócić wymiana wymienić anulować anulowane płatność zapłaciłem zapłaciłam cena kosztuje
rabat kod rozmiar dostępne sklep sklepie otwarte otwarci godziny zamknięte dzisiaj jutro sobota niedziela kiedy
gdzie dlaczego jak co który nadal jeszcze czekam otrzymałem dostałem doszła dotarła zepsuty uszkodzony zły adres
śledzenie odpowiedź odpowiedzieć wiadomość mail pomoc pomóc słabo fatalna rozczarowany obsługa klienta produkt
tydzień tygodnie dni moje mój moja mogę możecie chcę macie""",
    "pt": """olá oi bom dia obrigado obrigada valeu por favor abraço desculpa pedido pedidos encomenda comprei pacote
entrega entregue enviado envio enviar chegou chegar reembolso dinheiro devolver devolução trocar troca cancelar
cancelado pagamento paguei cobrado preço custa desconto cupom código tamanho estoque disponível loja aberto abertos
abrem horário fechado hoje amanhã sábado domingo quando onde por que como qual ainda aguardando esperando recebi
recebido quebrado danificado errado endereço rastreio rastreamento resposta responder mensagem email ajuda ajudar
péssimo decepcionado atendimento cliente produto semana semanas dias meu minha posso podem quero vocês têm""",
    "sv": """hej hejsan tack tusen stort vänliga hälsningar mvh förlåt ursäkta order ordern beställning beställningen
beställde beställt paket paketet leverans leveransen levererat levererad skickat skicka skickar frakt återbetalning
pengarna pengar tillbaka returnera retur byta avbryta avbruten betalning betalat betala pris kostar rabatt rabattkod
storlek lager butik butiken öppet öppnar stängt öppettider helgen lördag söndag måndag när varför hur vad vilken
fortfarande ännu väntar väntat fått kommit trasig skadad fel adress adressen spårning svar svara meddelande mejl
hjälp hjälpa dålig besviken usel kundtjänst vara varan produkt vecka veckor dagar mig dig ni kan ska gärna vill""",
}

SPECIAL = {"æ": "ae", "ø": "o", "ß": "ss", "ł": "l", "đ": "d", "œ": "oe", "þ": "th", "ĳ": "ij", "ð": "d"}


def fold(s):
    """The same folding as crate::core::fold::fold for the letters these languages use."""
    out = []
    for c in s.lower():
        if c in SPECIAL:
            out.append(SPECIAL[c])
        else:
            out.append("".join(x for x in unicodedata.normalize("NFD", c) if not "\u0300" <= x <= "\u036f"))
    return "".join(out)


def tokens(word):
    """Letters only, split at apostrophes, digits and anything else, as the Rust tokenizer does."""
    return [t for t in re.split(r"[^\w]|[\d_]", word.lower()) if t]


def statistics(lang):
    words = collections.Counter()
    for w in wordfreq.top_n_list(lang, VOCABULARY):
        f = wordfreq.word_frequency(w, lang)
        for t in tokens(w):
            words[t] += f
    grams, letters = collections.Counter(), collections.Counter()
    gram_total = letter_total = 0.0
    for w, f in words.items():
        padded = "_" + fold(w) + "_"
        for i in range(len(padded) - 2):
            grams[padded[i:i + 3]] += f
            gram_total += f
        for c in w:
            if c.isalpha():
                letter_total += f
                if ord(c) > 127:
                    letters[c] += f
    word_total = sum(words.values())
    folded = collections.Counter()
    for w, f in words.items():
        folded[fold(w)] += f
    log = math.log10
    return ({w: log(f / word_total) for w, f in folded.items()},
            {g: log(f / gram_total) for g, f in grams.items()},
            {c: log(f / letter_total) for c, f in letters.items() if f / letter_total >= MIN_LETTER})


def rounded(v):
    return round(v / STEP) * STEP


def chosen_words(words, lang):
    chosen = dict(sorted(words.items(), key=lambda kv: -kv[1])[:TOP_WORDS])
    for w in DOMAIN[lang].split():
        w = fold(w)
        if w not in chosen:
            chosen[w] = max(words.get(w, -99.0) + DOMAIN_BOOST, DOMAIN_MIN)
    return chosen


def tables():
    stats = {lang: statistics(lang) for lang in LANGS}
    chosen = {lang: chosen_words(stats[lang][0], lang) for lang in LANGS}
    every_word = set().union(*chosen.values())
    result = {}
    for lang in LANGS:
        words, grams, letters = stats[lang]
        mine = dict(chosen[lang])
        for w in every_word:
            if w not in mine and words.get(w, -99.0) >= SHARED_MIN:
                mine[w] = words[w]
        top_grams = dict(sorted(grams.items(), key=lambda kv: -kv[1])[:TOP_GRAMS])
        result[lang] = ({k: rounded(v) for k, v in mine.items()}, {k: rounded(v) for k, v in top_grams.items()},
                        {k: rounded(v) for k, v in letters.items()})
    return result


def write(lang, table, path):
    lines = [f"# {NAMES[lang]}: generated by build_tables.py (see README.md)"]
    for kind, entries in zip("wgl", table):
        by_weight = collections.defaultdict(list)
        for item, weight in entries.items():
            by_weight[round(-weight / STEP)].append(item)
        for quarters in sorted(by_weight):
            lines.append(f"{kind}{quarters} " + " ".join(sorted(by_weight[quarters])))
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    for lang, table in tables().items():
        write(lang, table, os.path.join(here, f"{lang}.txt"))
