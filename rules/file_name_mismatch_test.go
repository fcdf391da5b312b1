package rules_test

import "testing"

func TestFileNameMismatch(t *testing.T) {
	runCases(t, "file-name-mismatch", []ruleCase{
		{name: "a space after the dot",
			// fr-FR/use-network-upload-to-import-pst-files.md line 122
			text: sxs("a-1", "Vous êtes maintenant prêt à utiliser l’outil AzCopy. exe pour télécharger des fichiers PST.",
				"Now you're ready to use the AzCopy.exe tool to upload PST files.") + "\n",
			want: []string{`file name "AzCopy.exe" broken by a space: the target has "AzCopy. exe"`},
			at:   []string{"AzCopy. exe"},
			fixed: sxs("a-1", "Vous êtes maintenant prêt à utiliser l’outil AzCopy.exe pour télécharger des fichiers PST.",
				"Now you're ready to use the AzCopy.exe tool to upload PST files.") + "\n"},
		{name: "a space before the dot, in bold, and a German compound after the name",
			// zh-CN/export-search-results.md line 110; de-DE/create-a-report-on-holds-in-ediscovery-cases.md line 173
			path:  "zh-CN/page.md",
			text:  sxs("a-1", "单个 PST 文件 (名为 \" *Exchange .pst* \")。", "A single PST file (named *Exchange.pst*).") + "\n",
			want:  []string{`file name "Exchange.pst" broken by a space: the target has "Exchange .pst"`},
			fixed: sxs("a-1", "单个 PST 文件 (名为 \" *Exchange.pst* \")。", "A single PST file (named *Exchange.pst*).") + "\n"},
		{name: "kept names, in any case, before a hyphenated word",
			path: "de-DE/page.md",
			text: sxs("a-1", "Führen Sie das CaseHoldsReport.ps1-Skript und results.CSV aus.", "Run the CaseHoldsReport.ps1 script and Results.csv.") + "\n"},
		{name: "the name translated, its extension kept",
			// zh-CN/disable-reports-when-you-export-content-search-results.md line 33
			path: "zh-CN/page.md",
			text: sxs("a-1", "**结果 .csv**", "**Results.csv**") + "\n",
			want: []string{`file name "Results.csv" changed: the target has "结果 .csv"`}, at: []string{"结果 .csv"}},
		{name: "renamed, or another extension",
			// fr-FR/office-365-reporting-features.md line 83; zh-CN/use-network-upload-to-import-rms-encrypted-pst-files.md line 435
			text: sxs("a-1", "Utilisateurs.csv et l’outil O365importtool.zip", "Users.csv and the O365ImportTool.exe tool") + "\n",
			want: []string{`file name "O365ImportTool.exe" changed: the target has "O365importtool.zip"`, `file name "Users.csv" changed: the target has "Utilisateurs.csv"`}},
		{name: "glued to the next word",
			// fr-FR/create-custom-sensitive-info-type-edm.md line 74
			text:  sxs("a-1", "Le fichier est appelé PatientRecords.csvet ses colonnes incluent PatientID.", "The file is called *PatientRecords.csv*, and its columns include *PatientID*.") + "\n",
			want:  []string{`file name "PatientRecords.csv" glued to the next word: the target has "PatientRecords.csvet"`},
			fixed: sxs("a-1", "Le fichier est appelé PatientRecords.csv et ses colonnes incluent PatientID.", "The file is called *PatientRecords.csv*, and its columns include *PatientID*.") + "\n"},
		{name: "missing",
			path: "de-DE/page.md",
			text: sxs("a-1", "Öffnen Sie die CSV-Datei mit Ergebnissen in Excel.", "Open the **Results.csv** file in Excel.") + "\n",
			want: []string{`file name "Results.csv" of the source missing from the target`}},
		{name: "without its extension: reported only with the option",
			// zh-CN/create-a-report-on-holds-in-ediscovery-cases.md line 173
			path: "zh-CN/page.md",
			text: sxs("a-1", "下面的示例展示了如何运行 CaseHoldsReport 脚本。", "Here's an example of running the CaseHoldsReport.ps1 script.") + "\n"},
		{name: "without its extension, with extension-dropped",
			path: "zh-CN/page.md", opts: map[string]any{"extension-dropped": true},
			text: sxs("a-1", "下面的示例展示了如何运行 CaseHoldsReport 脚本。", "Here's an example of running the CaseHoldsReport.ps1 script.") + "\n",
			want: []string{`file name "CaseHoldsReport.ps1" written without its extension: the target has "CaseHoldsReport"`}, at: []string{"CaseHoldsReport"}},
		{name: "an extension named alone is the source's too",
			// zh-CN/increase-download-speeds-when-exporting-ediscovery-results.md line 34
			path: "zh-CN/page.md",
			text: sxs("a-1", "使用文件名后缀 .reg 将以下文本保存到注册表文件;例如, ConcurrentOperations 文件。", "Save the text to a registry file by using a suffix of .reg; for example, ConcurrentOperations.reg.") + "\n"},
		{name: "code, link destinations, URLs, host names, wildcards and Node.js are no file names",
			text: sxs("a-1", "Exécutez `setup. exe`, voir [le script](https://x.example/Get-Report.ps1), https://x.example/a.csv, contoso.com, les fichiers *. pst et Node. js.",
				"Run `setup.exe`, see [the script](https://x.example/Get-Report.ps1), https://x.example/a.csv, contoso.com, the *.pst files and Node.js.") + "\n"},
		{name: "a name written without its extension explains itself before another name's extension",
			// zh-CN/investigating-partially-indexed-items-in-ediscovery.md line 79
			path: "zh-CN/page.md",
			text: sxs("a-1", "此报告包含与 ResultsLog 文件相同的信息;但是, 未编制索引的项目 .csv 文件还包含两个字段。", "This report includes the same information as the ResultsLog.csv file; however, the Unindexed Items.csv file also includes two fields.") + "\n",
			want: []string{`file name "Unindexed Items.csv" changed: the target has "项目 .csv"`}},
		{name: "capitalized words before a name are part of it after a lower-case word only",
			text: sxs("a-1", "Ouvrez Résultats.csv, puis le fichier éléments non indexés. csv.", "Open Results.csv, then the Unindexed Items.csv file.") + "\n",
			want: []string{`file name "Results.csv" changed: the target has "Résultats.csv"`, `file name "Unindexed Items.csv" changed: the target has "indexés. csv"`}},
		{name: "the name in the segment beside it on the line",
			text: sxs("a-1", "Ouvrez le fichier", "Open the Results.csv file") + " " + sxs("a-2", "Results.csv dans Excel.", "in Excel.") + "\n"},
	})
}
