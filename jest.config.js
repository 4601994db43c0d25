/** Unit specs live beside the code; integration and e2e suites under test/. */
module.exports = {
  "reporters": [
    "default",
    "<rootDir>/test/summary-reporter.js"
  ],
  "projects": [
    {
      "moduleFileExtensions": [
        "js",
        "json",
        "ts"
      ],
      "rootDir": ".",
      "testEnvironment": "node",
      "transform": {
        "^.+\\.ts$": [
          "ts-jest",
          {}
        ]
      },
      "moduleNameMapper": {
        "^@app/config(|/.*)$": "<rootDir>/libs/config/src$1",
        "^@app/jobs(|/.*)$": "<rootDir>/libs/jobs/src$1",
        "^@app/persistence(|/.*)$": "<rootDir>/libs/persistence/src$1",
        "^@app/storage(|/.*)$": "<rootDir>/libs/storage/src$1",
        "^@app/media(|/.*)$": "<rootDir>/libs/media/src$1",
        "^@app/transcription(|/.*)$": "<rootDir>/libs/transcription/src$1",
        "^@app/selection(|/.*)$": "<rootDir>/libs/selection/src$1",
        "^@app/detection(|/.*)$": "<rootDir>/libs/detection/src$1",
        "^@app/captions(|/.*)$": "<rootDir>/libs/captions/src$1",
        "^@app/rendering(|/.*)$": "<rootDir>/libs/rendering/src$1",
        "^@app/pipeline(|/.*)$": "<rootDir>/libs/pipeline/src$1"
      },
      "displayName": "unit",
      "testMatch": [
        "<rootDir>/apps/**/*.spec.ts",
        "<rootDir>/libs/**/*.spec.ts"
      ]
    },
    {
      "moduleFileExtensions": [
        "js",
        "json",
        "ts"
      ],
      "rootDir": ".",
      "testEnvironment": "node",
      "transform": {
        "^.+\\.ts$": [
          "ts-jest",
          {}
        ]
      },
      "moduleNameMapper": {
        "^@app/config(|/.*)$": "<rootDir>/libs/config/src$1",
        "^@app/jobs(|/.*)$": "<rootDir>/libs/jobs/src$1",
        "^@app/persistence(|/.*)$": "<rootDir>/libs/persistence/src$1",
        "^@app/storage(|/.*)$": "<rootDir>/libs/storage/src$1",
        "^@app/media(|/.*)$": "<rootDir>/libs/media/src$1",
        "^@app/transcription(|/.*)$": "<rootDir>/libs/transcription/src$1",
        "^@app/selection(|/.*)$": "<rootDir>/libs/selection/src$1",
        "^@app/detection(|/.*)$": "<rootDir>/libs/detection/src$1",
        "^@app/captions(|/.*)$": "<rootDir>/libs/captions/src$1",
        "^@app/rendering(|/.*)$": "<rootDir>/libs/rendering/src$1",
        "^@app/pipeline(|/.*)$": "<rootDir>/libs/pipeline/src$1"
      },
      "displayName": "integration",
      "testMatch": [
        "<rootDir>/test/integration/**/*.spec.ts"
      ]
    },
    {
      "moduleFileExtensions": [
        "js",
        "json",
        "ts"
      ],
      "rootDir": ".",
      "testEnvironment": "node",
      "transform": {
        "^.+\\.ts$": [
          "ts-jest",
          {}
        ]
      },
      "moduleNameMapper": {
        "^@app/config(|/.*)$": "<rootDir>/libs/config/src$1",
        "^@app/jobs(|/.*)$": "<rootDir>/libs/jobs/src$1",
        "^@app/persistence(|/.*)$": "<rootDir>/libs/persistence/src$1",
        "^@app/storage(|/.*)$": "<rootDir>/libs/storage/src$1",
        "^@app/media(|/.*)$": "<rootDir>/libs/media/src$1",
        "^@app/transcription(|/.*)$": "<rootDir>/libs/transcription/src$1",
        "^@app/selection(|/.*)$": "<rootDir>/libs/selection/src$1",
        "^@app/detection(|/.*)$": "<rootDir>/libs/detection/src$1",
        "^@app/captions(|/.*)$": "<rootDir>/libs/captions/src$1",
        "^@app/rendering(|/.*)$": "<rootDir>/libs/rendering/src$1",
        "^@app/pipeline(|/.*)$": "<rootDir>/libs/pipeline/src$1"
      },
      "displayName": "e2e",
      "testMatch": [
        "<rootDir>/test/e2e/**/*.e2e-spec.ts"
      ]
    }
  ]
};
