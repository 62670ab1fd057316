"""Seed the ontwikkelplan's text blocks in Dutch (B1), English and Arabic.

The texts are frozen here (not imported from app code) so this migration keeps producing the
same rows. A functioneel beheerder changes them, or adds a language, by editing rows.
"""

from django.db import migrations

TEKSTEN = {
    "nl": {
        "taal.naam": "Nederlands",
        "taal.richting": "ltr",
        "titel": "Mijn ontwikkelplan",
        "inleiding": (
            "Beste {naam}, dit is uw plan om in te burgeren in Nederland. U heeft dit plan samen "
            "met uw klantregisseur van de gemeente {gemeente} gemaakt. Hierin staat wat u gaat "
            "doen en wat de gemeente voor u doet."
        ),
        "kop.leerroute": "Uw leerroute",
        "leerroute.b1_route": (
            "De B1-route. U leert Nederlands tot taalniveau B1. U leert ook over de Nederlandse "
            "samenleving."
        ),
        "leerroute.onderwijsroute": (
            "De onderwijsroute. U bereidt zich voor op een opleiding in Nederland, zoals het mbo, "
            "hbo of de universiteit. U leert Nederlands tot minstens taalniveau B1."
        ),
        "leerroute.z_route": (
            "De Z-route (zelfredzaamheidsroute). U leert zoveel mogelijk Nederlands. U doet ook "
            "mee aan activiteiten, zodat u zelf uw weg vindt in Nederland."
        ),
        "kop.niveau": "Uw doel voor de taal",
        "niveau.tekst": "Uw doel is taalniveau {niveau}.",
        "knm.ja": "U leert over de Nederlandse samenleving (KNM). U doet hier ook examen in.",
        "knm.nee": "In uw route zit geen examen over de Nederlandse samenleving (KNM).",
        "kop.alfabetisering": "Leren lezen en schrijven",
        "alfabetisering.A": "U leert eerst lezen en schrijven.",
        "alfabetisering.AA": "U leert lezen en schrijven met het Nederlandse alfabet.",
        "kop.uren": "Hoeveel uur",
        "uren.tekst": "U bent ongeveer {uren} uur per week met de taal bezig.",
        "kop.aanbieder": "Uw taalschool",
        "aanbieder.tekst": "U krijgt les bij {aanbieder}.",
        "kop.pvt": "Participatieverklaring (PVT)",
        "pvt.tekst": (
            "U leert over belangrijke waarden in Nederland, zoals vrijheid en gelijkwaardigheid. "
            "Aan het eind tekent u de participatieverklaring."
        ),
        "kop.map": "Werken in Nederland (MAP)",
        "map.tekst": "U leert hoe werken in Nederland gaat. U ontdekt welk werk bij u past.",
        "kop.meedoen": "Meedoen",
        "meedoen.tekst": (
            "Naast de lessen doet u mee in de samenleving. Dit hebben we afgesproken:"
        ),
        "uren_per_week": "{uren} uur per week",
        "kop.begeleiding": "Hulp bij het starten",
        "begeleiding.tekst": (
            "U krijgt hulp bij praktische zaken, zoals wonen, geld en gezondheid."
        ),
        "kop.ontzorgen": "Hulp bij betalen",
        "ontzorgen.tekst": (
            "De eerste maanden betaalt de gemeente uw vaste lasten uit uw uitkering: huur, "
            "energie, water en zorgverzekering."
        ),
        "kop.doelen": "Uw doelen",
        "doelen.tekst": "Dit wilt u bereiken:",
        "kop.afspraken": "Andere afspraken",
        "kop.termijn": "Uw tijd",
        "termijn.tekst": (
            "U heeft van {termijn_start} tot en met {termijn_eind} de tijd om in te burgeren."
        ),
        "kop.vragen": "Vragen?",
        "vragen.tekst": (
            "Heeft u vragen over uw plan? Neem contact op met uw klantregisseur: "
            "{klantregisseur}."
        ),
        "let_op.nederlands": (
            "Sommige afspraken staan in het Nederlands, zoals we ze samen hebben opgeschreven."
        ),
        "voetnoot": (
            "Dit ontwikkelplan hoort bij uw PIP van {dagtekening}. Het PIP is het officiële "
            "besluit van de gemeente {gemeente}. Alleen het Nederlandse PIP telt."
        ),
    },
    "en": {
        "taal.naam": "English",
        "taal.richting": "ltr",
        "titel": "My development plan",
        "inleiding": (
            "Dear {naam}, this is your plan for civic integration in the Netherlands. You made "
            "this plan together with your case manager at the municipality of {gemeente}. It "
            "says what you will do and what the municipality will do for you."
        ),
        "kop.leerroute": "Your learning route",
        "leerroute.b1_route": (
            "The B1 route. You learn Dutch up to level B1. You also learn about Dutch society."
        ),
        "leerroute.onderwijsroute": (
            "The education route. You prepare for studying in the Netherlands, for example at "
            "an MBO school, a university of applied sciences or a university. You learn Dutch "
            "up to at least level B1."
        ),
        "leerroute.z_route": (
            "The Z route (self-reliance route). You learn as much Dutch as you can. You also "
            "take part in activities that help you find your own way in the Netherlands."
        ),
        "kop.niveau": "Your language goal",
        "niveau.tekst": "Your goal is language level {niveau}.",
        "knm.ja": "You learn about Dutch society (KNM). You also take an exam in it.",
        "knm.nee": "Your route has no exam about Dutch society (KNM).",
        "kop.alfabetisering": "Learning to read and write",
        "alfabetisering.A": "First you learn to read and write.",
        "alfabetisering.AA": "You learn to read and write with the Latin alphabet.",
        "kop.uren": "How many hours",
        "uren.tekst": "You spend about {uren} hours a week on the language.",
        "kop.aanbieder": "Your language school",
        "aanbieder.tekst": "Your lessons are at {aanbieder}.",
        "kop.pvt": "Participation statement (PVT)",
        "pvt.tekst": (
            "You learn about important values in the Netherlands, such as freedom and "
            "equality. At the end you sign the participation statement."
        ),
        "kop.map": "Working in the Netherlands (MAP)",
        "map.tekst": (
            "You learn how work in the Netherlands is organised. You find out which work "
            "suits you."
        ),
        "kop.meedoen": "Taking part",
        "meedoen.tekst": "Next to your lessons you take part in society. This is what we agreed:",
        "uren_per_week": "{uren} hours a week",
        "kop.begeleiding": "Help getting started",
        "begeleiding.tekst": (
            "You get help with practical matters, such as housing, money and health."
        ),
        "kop.ontzorgen": "Help with paying",
        "ontzorgen.tekst": (
            "For the first months the municipality pays your fixed costs from your benefit: "
            "rent, energy, water and health insurance."
        ),
        "kop.doelen": "Your goals",
        "doelen.tekst": "This is what you want to achieve:",
        "kop.afspraken": "Other agreements",
        "kop.termijn": "Your time",
        "termijn.tekst": (
            "You have from {termijn_start} up to and including {termijn_eind} to complete "
            "your civic integration."
        ),
        "kop.vragen": "Questions?",
        "vragen.tekst": (
            "Do you have questions about your plan? Contact your case manager: {klantregisseur}."
        ),
        "let_op.nederlands": "Some agreements are in Dutch, as we wrote them down together.",
        "voetnoot": (
            "This development plan belongs to your PIP dated {dagtekening}. The PIP is the "
            "official decision of the municipality of {gemeente}. Only the Dutch PIP is "
            "legally valid."
        ),
    },
    "ar": {
        "taal.naam": "العربية",
        "taal.richting": "rtl",
        "titel": "خطة التطوير الخاصة بي",
        "inleiding": (
            "عزيزي/عزيزتي {naam}، هذه خطتك للاندماج في هولندا. وضعت هذه الخطة مع مرشدك في "
            "بلدية {gemeente}. فيها ما ستقوم به وما ستقدمه لك البلدية."
        ),
        "kop.leerroute": "مسار التعلّم",
        "leerroute.b1_route": (
            "مسار B1. تتعلم اللغة الهولندية حتى المستوى B1. وتتعلم أيضًا عن المجتمع الهولندي."
        ),
        "leerroute.onderwijsroute": (
            "مسار التعليم. تستعد للدراسة في هولندا، مثلًا في معهد مهني أو معهد عالٍ أو جامعة. "
            "تتعلم اللغة الهولندية حتى المستوى B1 على الأقل."
        ),
        "leerroute.z_route": (
            "مسار الاعتماد على النفس (Z-route). تتعلم من اللغة الهولندية قدر ما تستطيع. "
            "وتشارك أيضًا في أنشطة تساعدك على تدبير أمورك بنفسك في هولندا."
        ),
        "kop.niveau": "هدفك في اللغة",
        "niveau.tekst": "هدفك هو مستوى اللغة {niveau}.",
        "knm.ja": "تتعلم عن المجتمع الهولندي (KNM) وتؤدي امتحانًا فيه.",
        "knm.nee": "لا يتضمن مسارك امتحانًا عن المجتمع الهولندي (KNM).",
        "kop.alfabetisering": "تعلّم القراءة والكتابة",
        "alfabetisering.A": "تتعلم أولًا القراءة والكتابة.",
        "alfabetisering.AA": "تتعلم القراءة والكتابة بالحروف اللاتينية.",
        "kop.uren": "عدد الساعات",
        "uren.tekst": "تخصص للغة حوالي {uren} ساعة في الأسبوع.",
        "kop.aanbieder": "مدرسة اللغة",
        "aanbieder.tekst": "تتلقى دروسك في {aanbieder}.",
        "kop.pvt": "إعلان المشاركة (PVT)",
        "pvt.tekst": (
            "تتعلم عن القيم المهمة في هولندا، مثل الحرية والمساواة. وفي النهاية توقّع على "
            "إعلان المشاركة."
        ),
        "kop.map": "العمل في هولندا (MAP)",
        "map.tekst": "تتعلم كيف يسير العمل في هولندا، وتكتشف العمل الذي يناسبك.",
        "kop.meedoen": "المشاركة",
        "meedoen.tekst": "إلى جانب الدروس تشارك في المجتمع. هذا ما اتفقنا عليه:",
        "uren_per_week": "{uren} ساعة في الأسبوع",
        "kop.begeleiding": "المساعدة في البداية",
        "begeleiding.tekst": "تحصل على مساعدة في الأمور العملية، مثل السكن والمال والصحة.",
        "kop.ontzorgen": "المساعدة في الدفع",
        "ontzorgen.tekst": (
            "في الأشهر الأولى تدفع البلدية تكاليفك الثابتة من إعانتك: الإيجار والطاقة والماء "
            "والتأمين الصحي."
        ),
        "kop.doelen": "أهدافك",
        "doelen.tekst": "هذا ما تريد تحقيقه:",
        "kop.afspraken": "اتفاقات أخرى",
        "kop.termijn": "المدة المتاحة لك",
        "termijn.tekst": "لديك من {termijn_start} حتى {termijn_eind} لإتمام الاندماج.",
        "kop.vragen": "هل لديك أسئلة؟",
        "vragen.tekst": "هل لديك أسئلة عن خطتك؟ تواصل مع مرشدك: {klantregisseur}.",
        "let_op.nederlands": "بعض الاتفاقات مكتوبة باللغة الهولندية، كما كتبناها معًا.",
        "voetnoot": (
            "خطة التطوير هذه مرتبطة بخطتك الشخصية للاندماج والمشاركة (PIP) بتاريخ "
            "{dagtekening}. الخطة الشخصية (PIP) هي القرار الرسمي لبلدية {gemeente}. النص "
            "الهولندي للخطة الشخصية وحده هو المعتمد."
        ),
    },
}


def forwards(apps, schema_editor):
    Tekstblok = apps.get_model("letters", "Tekstblok")
    for taal, blokken in TEKSTEN.items():
        for sleutel, tekst in blokken.items():
            Tekstblok.objects.get_or_create(sleutel=sleutel, taal=taal, defaults={"tekst": tekst})


def backwards(apps, schema_editor):
    Tekstblok = apps.get_model("letters", "Tekstblok")
    for taal, blokken in TEKSTEN.items():
        Tekstblok.objects.filter(taal=taal, sleutel__in=list(blokken)).delete()


class Migration(migrations.Migration):
    dependencies = [("letters", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
