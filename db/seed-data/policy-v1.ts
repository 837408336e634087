// Facts of the QPlus personal-data policy, version 1.0 of 15 Dec 2025 (Kazakh original:
// qplus-policy-v1.0.kk.txt), as structured data. Source of truth for the seed only: once seeded,
// the register in the database is what the DPO edits. "linkedProcessingPurposes" is an
// interpretation (which section-3 purposes each recipient serves); the policy does not state it row by row.
export const policyV1 = {
  "source": "qplus-policy-v1.0.kk.txt (version 1.0, 15 Dec 2025)",
  "note": "linkedProcessingPurposes is an interpretation (which section-3 purposes each recipient serves); the source does not state it row by row",
  "controller": {
    "name": "QIWI Kazakhstan LLP",
    "bin": "060640010247",
    "address": "Kozybayev st. 212, Almaty 050059, Kazakhstan",
    "email": "kzps@qiwi.com"
  },
  "processingActions": [
    {
      "key": "collection",
      "kk": "жинау",
      "ru": "сбор"
    },
    {
      "key": "recording",
      "kk": "жазу",
      "ru": "запись"
    },
    {
      "key": "storage",
      "kk": "сақтау",
      "ru": "хранение"
    },
    {
      "key": "clarification",
      "kk": "нақтылау (жаңарту, өзгерту)",
      "ru": "уточнение (обновление, изменение)"
    },
    {
      "key": "use",
      "kk": "пайдалану",
      "ru": "использование"
    },
    {
      "key": "transfer",
      "kk": "беру",
      "ru": "передача"
    },
    {
      "key": "systematisation",
      "kk": "жүйелеу",
      "ru": "систематизация"
    },
    {
      "key": "accumulation",
      "kk": "жинақтау",
      "ru": "накопление"
    },
    {
      "key": "extraction",
      "kk": "алу",
      "ru": "извлечение"
    },
    {
      "key": "blocking",
      "kk": "бұғаттау",
      "ru": "блокирование"
    },
    {
      "key": "destruction",
      "kk": "жою",
      "ru": "уничтожение"
    }
  ],
  "dataCategories": {
    "identifiers": [
      "login (phone number)",
      "wallet number",
      "identity-document details",
      "IP address"
    ],
    "contact": [
      "full name",
      "email",
      "phone"
    ],
    "document-details": [
      "citizenship",
      "date of birth",
      "passport number",
      "passport series",
      "issuing authority",
      "issue date",
      "IIN",
      "gender"
    ],
    "document-copies": [
      "scanned passport",
      "identity-document copy",
      "phone-ownership document (details, telecom operator)"
    ],
    "financial": [
      "balance",
      "e-money operations (amount, time and date, purpose, recipients)",
      "changes of wallet state",
      "wallet transactions"
    ],
    "system": [
      "statuses in the system",
      "device data (software and hardware configuration)"
    ],
    "online": [
      "cookies: analytical",
      "cookies: marketing"
    ],
    "other": [
      "interview answers",
      "information about the client's activity",
      "other information given in a request"
    ]
  },
  "retentionLaws": [
    {
      "code": "AML-11-4",
      "title": "AML/CFT law No. 191-IV of 28 Aug 2009, art. 11 p. 4",
      "years": 5
    },
    {
      "code": "CC-178-1",
      "title": "Civil Code No. 268-XIII of 27 Dec 1994, art. 178 p. 1",
      "years": 3
    },
    {
      "code": "ORDER-263-202",
      "title": "Item 202 of the List of typical documents, order No. 263 of 29 Sep 2017",
      "years": null
    }
  ],
  "purposes": [
    {
      "code": "V1",
      "subjectCategory": "visitors",
      "purpose": "Analyse visitors' actions on the resource with third-party analytics services to improve services and products",
      "data": [
        "online: cookies: analytical",
        "online: cookies: marketing"
      ],
      "retention": {
        "years": 3,
        "from": "contract-end",
        "law": [
          "CC-178-1"
        ]
      },
      "deletion": {
        "yearsAfterTrigger": 3
      },
      "ambiguity": "visitors have no contract, yet retention runs from contract end; section 8.1 caps cookie life at 1 year"
    },
    {
      "code": "C1",
      "subjectCategory": "clients",
      "purpose": "Register the client in the system at the minimal status",
      "data": [
        "identifiers: login (phone number)",
        "identifiers: wallet number"
      ],
      "retention": {
        "years": 5,
        "from": "contract-end",
        "law": [
          "AML-11-4"
        ]
      },
      "deletion": {
        "yearsAfterTrigger": 5
      }
    },
    {
      "code": "C2",
      "subjectCategory": "clients",
      "purpose": "Identify the client and raise the client's status",
      "data": [
        "identifiers: wallet number",
        "contact: full name",
        "contact: email",
        "contact: phone",
        "document-details: citizenship",
        "document-details: date of birth",
        "document-details: passport number",
        "document-details: issuing authority",
        "document-details: issue date",
        "document-details: IIN",
        "document-details: gender",
        "document-copies: scanned passport"
      ],
      "retention": {
        "years": 5,
        "from": "contract-end",
        "law": [
          "AML-11-4"
        ]
      },
      "deletion": {
        "yearsAfterTrigger": 5
      }
    },
    {
      "code": "C3",
      "subjectCategory": "clients",
      "purpose": "Top up the wallet",
      "data": [
        "identifiers: login (phone number)",
        "identifiers: wallet number",
        "contact: phone",
        "contact: email",
        "financial: balance",
        "financial: e-money operations (amount, time and date, purpose, recipients)",
        "system: statuses in the system",
        "system: device data (software and hardware configuration)"
      ],
      "retention": {
        "years": 5,
        "from": "contract-end",
        "law": [
          "AML-11-4",
          "ORDER-263-202"
        ]
      },
      "deletion": {
        "yearsAfterTrigger": 5
      }
    },
    {
      "code": "C4",
      "subjectCategory": "clients",
      "purpose": "Confirm payments (flash call, voice call, SMS) to raise the wallet's security",
      "data": [
        "identifiers: login (phone number)",
        "identifiers: wallet number",
        "contact: phone",
        "financial: balance",
        "financial: e-money operations (amount, time and date, purpose, recipients)",
        "financial: changes of wallet state"
      ],
      "retention": {
        "years": 5,
        "from": "contract-end",
        "law": [
          "AML-11-4"
        ]
      },
      "deletion": {
        "yearsAfterTrigger": 5
      }
    },
    {
      "code": "C5",
      "subjectCategory": "clients",
      "purpose": "Notify about wallet events (including push notifications)",
      "data": [
        "identifiers: login (phone number)",
        "identifiers: wallet number",
        "contact: phone",
        "contact: email",
        "financial: balance",
        "financial: e-money operations (amount, time and date, purpose, recipients)",
        "financial: changes of wallet state"
      ],
      "retention": {
        "years": 5,
        "from": "contract-end",
        "law": [
          "AML-11-4"
        ]
      },
      "deletion": {
        "yearsAfterTrigger": 5
      }
    },
    {
      "code": "C6",
      "subjectCategory": "clients",
      "purpose": "Handle users' requests",
      "data": [
        "identifiers: wallet number",
        "identifiers: identity-document details",
        "contact: full name",
        "contact: phone",
        "contact: email"
      ],
      "retention": {
        "years": 3,
        "from": "contract-end",
        "law": [
          "CC-178-1"
        ]
      },
      "deletion": {
        "yearsAfterTrigger": 3
      }
    },
    {
      "code": "C7",
      "subjectCategory": "clients",
      "purpose": "Advertising and marketing messages (including push notifications)",
      "data": [
        "contact: email"
      ],
      "retention": {
        "years": 3,
        "from": "contract-end",
        "law": [
          "CC-178-1"
        ]
      },
      "deletion": {
        "yearsAfterTrigger": 3
      }
    },
    {
      "code": "C8",
      "subjectCategory": "clients",
      "purpose": "Marketing research",
      "data": [
        "contact: full name",
        "contact: phone",
        "other: interview answers"
      ],
      "retention": {
        "years": 3,
        "from": "contract-end",
        "law": [
          "CC-178-1"
        ]
      },
      "deletion": {
        "yearsAfterTrigger": 3
      }
    },
    {
      "code": "C9",
      "subjectCategory": "clients",
      "purpose": "AML compliance and operation of the anti-fraud system",
      "data": [
        "identifiers: login (phone number)",
        "identifiers: wallet number",
        "contact: full name",
        "contact: phone",
        "contact: email",
        "other: information about the client's activity",
        "document-copies: phone-ownership document (details, telecom operator)",
        "document-copies: identity-document copy"
      ],
      "retention": {
        "years": 5,
        "from": "transaction",
        "law": [
          "AML-11-4"
        ]
      },
      "deletion": {
        "yearsAfterTrigger": 5
      }
    },
    {
      "code": "C10",
      "subjectCategory": "clients",
      "purpose": "Set up and delete the client profile in the system",
      "data": [
        "identifiers: login (phone number)",
        "identifiers: wallet number",
        "identifiers: identity-document details",
        "contact: phone",
        "contact: email",
        "financial: balance",
        "financial: changes of wallet state",
        "system: statuses in the system"
      ],
      "retention": {
        "years": 3,
        "from": "contract-end",
        "law": [
          "CC-178-1"
        ]
      },
      "deletion": {
        "yearsAfterTrigger": 3
      }
    },
    {
      "code": "C11",
      "subjectCategory": "clients",
      "purpose": "Interact with the client through a chat bot",
      "data": [
        "identifiers: login (phone number)",
        "identifiers: wallet number",
        "identifiers: IP address",
        "contact: phone",
        "financial: balance",
        "financial: wallet transactions",
        "document-details: passport series",
        "document-details: passport number",
        "other: other information given in a request"
      ],
      "retention": {
        "years": 3,
        "from": "contract-end",
        "law": [
          "CC-178-1"
        ]
      },
      "deletion": {
        "yearsAfterTrigger": 3
      }
    },
    {
      "code": "C12",
      "subjectCategory": "clients",
      "purpose": "Management reporting, analysis, models of trade terms and forecasts for the company's products",
      "data": [
        "identifiers: login (phone number)",
        "identifiers: wallet number",
        "identifiers: IP address",
        "contact: phone",
        "financial: balance",
        "financial: wallet transactions",
        "document-details: passport series",
        "document-details: passport number",
        "other: other information given in a request"
      ],
      "retention": {
        "years": 3,
        "from": "contract-end",
        "law": [
          "CC-178-1"
        ]
      },
      "deletion": {
        "yearsAfterTrigger": 0
      },
      "ambiguity": "deletion criterion says 'deleted after the contract ends' while retention says 3 years after contract end"
    }
  ],
  "recipients": [
    {
      "key": "counterparties",
      "name": "Counterparties",
      "nameKk": "Контрагенттер",
      "nameRu": "Контрагенты",
      "role": "operator",
      "transferPurposes": [
        "Accept payments from the system's clients for providers"
      ],
      "basis": "contract",
      "permittedActions": [
        "collection",
        "recording",
        "storage",
        "clarification",
        "use",
        "transfer",
        "systematisation",
        "accumulation",
        "extraction",
        "blocking",
        "destruction"
      ],
      "crossBorder": false,
      "country": "KZ",
      "linkedProcessingPurposes": [
        "C3"
      ]
    },
    {
      "key": "halyk-bank",
      "name": "Halyk Bank of Kazakhstan JSC",
      "nameKk": "Қазақстан Халық Банкі АҚ",
      "nameRu": "АО «Народный Банк Казахстана»",
      "role": "operator",
      "transferPurposes": [
        "Issue and redeem e-money"
      ],
      "basis": "contract",
      "permittedActions": [
        "collection",
        "recording",
        "storage",
        "clarification",
        "use",
        "transfer",
        "systematisation",
        "accumulation",
        "extraction",
        "blocking",
        "destruction"
      ],
      "crossBorder": false,
      "country": "KZ",
      "linkedProcessingPurposes": [
        "C1",
        "C3"
      ]
    },
    {
      "key": "kazpost",
      "name": "Kazpost JSC",
      "nameKk": "«Қазпошта» АҚ",
      "nameRu": "АО «Казпочта»",
      "role": "processor",
      "transferPurposes": [
        "Identification through Kazpost / the NPC"
      ],
      "basis": "contract",
      "permittedActions": [
        "collection",
        "recording",
        "storage",
        "clarification",
        "use",
        "transfer",
        "systematisation",
        "accumulation",
        "extraction",
        "blocking",
        "destruction"
      ],
      "crossBorder": false,
      "country": "KZ",
      "linkedProcessingPurposes": [
        "C2"
      ]
    },
    {
      "key": "npc",
      "name": "National Payment Corporation of the National Bank of Kazakhstan JSC",
      "nameKk": "«ҚР Ұлттық Банкінің ұлттық төлем корпорациясы» АҚ",
      "nameRu": "АО «Национальная платежная корпорация Национального Банка РК»",
      "role": "processor",
      "transferPurposes": [
        "Identification through Kazpost / the NPC"
      ],
      "basis": "contract",
      "permittedActions": [
        "collection",
        "recording",
        "storage",
        "clarification",
        "use",
        "transfer",
        "systematisation",
        "accumulation",
        "extraction",
        "blocking",
        "destruction"
      ],
      "crossBorder": false,
      "country": "KZ",
      "linkedProcessingPurposes": [
        "C2"
      ]
    },
    {
      "key": "qiwi-jsc",
      "name": "QIWI JSC",
      "nameKk": "КИВИ АҚ",
      "nameRu": "АО «КИВИ»",
      "role": "processor",
      "transferPurposes": [
        "Operate the infrastructure and support the system",
        "Analyse users' actions on the resource to improve services and products",
        "Prepare analytical research and reports"
      ],
      "basis": "contract",
      "permittedActions": [
        "collection",
        "recording",
        "storage",
        "clarification",
        "use",
        "transfer",
        "systematisation",
        "accumulation",
        "extraction",
        "blocking",
        "destruction"
      ],
      "crossBorder": true,
      "country": "RU",
      "linkedProcessingPurposes": [
        "V1",
        "C12"
      ]
    },
    {
      "key": "key-business-solutions",
      "name": "Key Business Solutions LLC",
      "nameKk": "«Ключевые Бизнес Решения» ЖШҚ",
      "nameRu": "ООО «Ключевые Бизнес Решения»",
      "role": "processor",
      "transferPurposes": [
        "Marketing research"
      ],
      "basis": "contract",
      "permittedActions": [
        "collection",
        "recording",
        "storage",
        "clarification",
        "use",
        "transfer",
        "systematisation",
        "accumulation",
        "extraction",
        "blocking",
        "destruction"
      ],
      "crossBorder": true,
      "country": "RU",
      "linkedProcessingPurposes": [
        "C8"
      ]
    },
    {
      "key": "state-bodies",
      "name": "Authorised state bodies",
      "nameKk": "Уәкілетті мемлекеттік органдар",
      "nameRu": "Уполномоченные государственные органы",
      "role": "operator",
      "transferPurposes": [
        "Answer state bodies' requests",
        "Comply with the law"
      ],
      "basis": "law",
      "permittedActions": [
        "collection",
        "recording",
        "storage",
        "clarification",
        "use",
        "transfer",
        "systematisation",
        "accumulation",
        "extraction",
        "blocking",
        "destruction"
      ],
      "crossBorder": false,
      "country": "KZ",
      "linkedProcessingPurposes": [
        "C9"
      ]
    }
  ],
  "subjectCategories": [
    {
      "key": "visitors",
      "name": "Visitors of the resource"
    },
    {
      "key": "clients",
      "name": "Clients of the system (e-money holders)"
    }
  ],
  "rights": [
    "information",
    "rectification",
    "consent-withdrawal",
    "blocking",
    "deletion",
    "complaint"
  ]
} as const;

export type PolicyFacts = typeof policyV1;
