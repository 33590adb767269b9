#!/usr/bin/env python3
"""Writes kirov-2019.csv: results whose contingent flags and scores put every school of the
Kirov district into its seed-001 cluster. Run from this directory; the output is committed."""

CLUSTERS = {
    1: ["221", "240", "250", "251", "264", "277", "283", "377", "381", "501", "538", "608"],
    2: ["int-2", "249", "254", "269", "378", "386", "392", "551", "585"],
    3: ["282", "379", "388", "503", "658"],
    4: ["223", "244", "248", "261", "274", "284", "387", "384", "389", "393", "397", "481", "493", "504", "506", "539", "654"],
}
SUBJECTS = [("математика", 0.0), ("русский язык", 0.5)]  # ВПР grade 5, max 20 points; second subject a bit higher

print_rows = ["school,name,kind,assessment,subject,grade,year,students,mean,sd,contingent,social_risk"]
i = 0
for cluster, schools in CLUSTERS.items():
    complex_ = cluster in (1, 2)
    high = cluster in (2, 4)
    for school in schools:
        i += 1
        name = "ГБОУ школа-интернат № 2 Кировского района" if school == "int-2" else f"ГБОУ СОШ № {school} Кировского района"
        kind = "boarding" if school == "int-2" else "school"
        contingent = "complex" if complex_ else "favourable"
        # Complex schools: 25-45% of students at social risk; favourable: 3-10%.
        risk = (25 + (i * 7) % 21) / 100 if complex_ else (3 + (i * 3) % 8) / 100
        for subject, shift in SUBJECTS:
            # Low results 9.0-10.5 points, high 12.5-14.9: the district mean (~11.8) lies between.
            mean = (12.5 + (i * 3) % 9 * 0.3 if high else 9.0 + (i * 5) % 7 * 0.25) + shift
            students = 40 + (i * 13) % 81
            print_rows.append(f"{school},{name},{kind},ВПР,{subject},5,2019/2020,{students},{mean:.2f},4.0,{contingent},{risk:.2f}")

with open("kirov-2019.csv", "w", encoding="utf-8") as f:
    f.write("\n".join(print_rows) + "\n")
