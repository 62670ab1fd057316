"""Fake names by nationality for synthetic dossiers. Combinations of common names; no real
person is described."""

VOORNAMEN = {
    "SYR": ["Ahmad", "Rama", "Mohammed", "Lina", "Omar", "Nour", "Yousef", "Hala", "Khaled", "Rasha"],
    "ERI": ["Tesfay", "Selam", "Yonas", "Helen", "Dawit", "Senait", "Merhawi", "Luwam", "Filmon", "Ruta"],
    "AFG": ["Farid", "Mariam", "Ahmad Shah", "Zahra", "Hamid", "Fatima", "Sayed", "Parwana", "Wahid", "Laila"],
    "TUR": ["Emre", "Elif", "Mehmet", "Zeynep", "Murat", "Ayşe", "Burak", "Fatma", "Kemal", "Özlem"],
    "YEM": ["Abdullah", "Amal", "Hassan", "Huda", "Saleh", "Maryam", "Nabil", "Samira", "Ali", "Noura"],
    "IRN": ["Reza", "Shirin", "Amir", "Narges", "Babak", "Leila", "Dariush", "Mina", "Kaveh", "Parisa"],
    "MAR": ["Youssef", "Khadija", "Hamza", "Salma", "Anass", "Imane", "Karim", "Siham", "Bilal", "Loubna"],
    "IND": ["Arjun", "Priya", "Rahul", "Ananya", "Vikram", "Kavya", "Rohan", "Sneha", "Aditya", "Meera"],
}
ACHTERNAMEN = {
    "SYR": ["Al-Hassan", "Haddad", "Khalil", "Mansour", "Sabbagh", "Darwish", "Hamdan", "Nasser"],
    "ERI": ["Tesfamariam", "Gebremedhin", "Kidane", "Habte", "Woldu", "Berhane", "Tekle", "Ghebre"],
    "AFG": ["Ahmadi", "Rahimi", "Karimi", "Hakimi", "Noori", "Sultani", "Popal", "Wardak"],
    "TUR": ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan"],
    "YEM": ["Al-Sanani", "Haidar", "Qasim", "Al-Amri", "Saeed", "Ba-Abbad", "Munassar", "Al-Hadi"],
    "IRN": ["Hosseini", "Moradi", "Rezaei", "Jafari", "Ahmadian", "Kazemi", "Rostami", "Sadeghi"],
    "MAR": ["El Amrani", "Benali", "El Idrissi", "Bouzid", "Ouali", "Chaoui", "Lahlou", "Tahiri"],
    "IND": ["Sharma", "Patel", "Reddy", "Iyer", "Nair", "Gupta", "Rao", "Menon"],
}
TALEN = {
    "SYR": ["Arabisch"],
    "ERI": ["Tigrinya"],
    "AFG": ["Dari", "Pashto"],
    "TUR": ["Turks"],
    "YEM": ["Arabisch"],
    "IRN": ["Farsi"],
    "MAR": ["Arabisch", "Tamazight"],
    "IND": ["Hindi", "Engels"],
}
# Asylum countries of origin and family-migration countries, roughly by frequency.
HERKOMST_ASIEL = ["SYR"] * 5 + ["ERI"] * 3 + ["AFG"] * 2 + ["YEM", "IRN", "TUR"]
HERKOMST_GEZIN = ["TUR"] * 3 + ["MAR"] * 2 + ["IND"] * 2 + ["SYR", "ERI", "IRN"]
COA_LOCATIES = ["AZC Budel-Cranendonck", "AZC Weert", "AZC Venlo", "AZC Echt", "AZC Oisterwijk"]
